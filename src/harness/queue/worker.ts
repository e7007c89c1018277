/**
 * One attempt at a record_interaction job: write the interaction with the API's SQL and pool,
 * and account for it in the task statistics. An unknown user (a foreign-key violation) can
 * never succeed, so that job fails for good: pg-boss 10 has no "fail without retry", so the
 * job's retry limit is first lowered to the retries it has had, and pg-boss's own fail path
 * then marks it failed and copies it to the dead-letter queue. Other errors are retried.
 */
import { performance } from 'node:perf_hooks';
import type PgBoss from 'pg-boss';
import { PG_FOREIGN_KEY_VIOLATION, pgErrorCode, type Db } from '../db.js';
import { insertInteraction, type InteractionBody } from '../routes/interactions.js';
import { RequestTiming } from '../timing.js';
import type { TaskStats } from './task-stats.js';

/** The job's payload: the validated body and when the API enqueued it. */
export interface InteractionJob extends InteractionBody {
  /** Wall-clock epoch milliseconds with sub-millisecond precision (see epochMs). */
  readonly enqueuedAt: number;
}

/** Epoch ms from the monotonic clock: differences within one process are exact to the µs. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

export interface WorkerContext {
  readonly task: string;
  readonly db: Db;
  readonly stats: TaskStats;
  /** Make the job's next failure final (no retry); resolves false if that did not take. */
  readonly failForGood: (jobId: string) => Promise<boolean>;
}

export async function runAttempt(ctx: WorkerContext, job: PgBoss.JobWithMetadata<InteractionJob>): Promise<void> {
  const startedAt = epochMs();
  ctx.stats.started(ctx.task, job.retryCount > 0);
  const { user_id, item_id, kind, enqueuedAt } = job.data;
  try {
    await insertInteraction(ctx.db, new RequestTiming(), { user_id, item_id, kind });
  } catch (err) {
    const permanent = pgErrorCode(err) === PG_FOREIGN_KEY_VIOLATION && (await ctx.failForGood(job.id));
    ctx.stats.failed(ctx.task, permanent || job.retryCount >= job.retryLimit);
    throw err; // pg-boss fails the job: retry, or failed and dead-lettered
  }
  ctx.stats.done(ctx.task, { enqueuedAt, startedAt, doneAt: epochMs() });
}
