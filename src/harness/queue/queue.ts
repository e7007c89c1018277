/**
 * The task queue behind POST /interactions when `queue.enabled`: pg-boss on the system's own
 * Postgres (schema queue.pgSchema), the queue record_interaction with retries and a
 * dead-letter queue, and `concurrency` in-process pg-boss workers (one job each at a time).
 * A send runs on the API's pool, charged to its request; polls, completions and failures run
 * on pg-boss's own small pool. stop() lets jobs in hand finish before closing that pool.
 */
import PgBoss from 'pg-boss';
import type { Db } from '../db.js';
import type { SystemOptions } from '../options.js';
import type { InteractionBody } from '../routes/interactions.js';
import type { RequestTiming } from '../timing.js';
import { BossDb, requestDb } from './boss-db.js';
import type { TaskStats } from './task-stats.js';
import { WakeUp } from './wake.js';
import { epochMs, runAttempt, type InteractionJob, type WorkerContext } from './worker.js';

export const TASK = 'record_interaction';
export const DEAD_LETTER = `${TASK}_dead`;

export interface TaskQueue {
  /** Enqueue one validated interaction; resolves to the pg-boss job id. */
  enqueue(t: RequestTiming, body: InteractionBody): Promise<string>;
  /** Jobs of `name` not yet picked up (created or waiting to retry). */
  waiting(name?: string): Promise<number>;
  /** The pg-boss instance, for inspection by tests and tools. */
  readonly boss: PgBoss;
  /** Stop polling, let jobs in hand finish, then close pg-boss's pool. Idempotent. */
  stop(): Promise<void>;
}

export interface QueueDeps {
  readonly connectionString: string;
  readonly options: SystemOptions;
  /** The API's database: sends and the workers' inserts use its pool. */
  readonly db: Db;
  readonly stats: TaskStats;
  readonly onError: (err: Error) => void;
}

export async function startTaskQueue(deps: QueueDeps): Promise<TaskQueue> {
  const q = deps.options.queue;
  // A poll per worker, plus completions that overlap the next poll.
  const pool = BossDb.create(deps.connectionString, q.concurrency + 2, deps.onError);
  const bossDb = new BossDb(pool, new Set([TASK]), (task, kind) => deps.stats.statement(task, kind));
  // No cron scheduling: it would add a worker polling an internal queue. Maintenance stays on.
  const boss = new PgBoss({ db: bossDb, schema: q.pgSchema, schedule: false, supervise: true });
  boss.on('error', deps.onError);
  try {
    await boss.start();
    await createQueues(boss, q, deps.options.reset);
    return await startWorkers(boss, bossDb, deps);
  } catch (err) {
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    await bossDb.close().catch(() => undefined);
    throw err;
  }
}

/** With `reset`, drop both queues (and their jobs) first so a run starts empty. */
async function createQueues(boss: PgBoss, q: SystemOptions['queue'], reset: boolean): Promise<void> {
  if (reset) {
    await boss.deleteQueue(TASK); // first: its jobs name the dead-letter queue
    await boss.deleteQueue(DEAD_LETTER);
  }
  const options = { retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds, retryBackoff: q.retryBackoff, deadLetter: DEAD_LETTER };
  await boss.createQueue(DEAD_LETTER, { name: DEAD_LETTER });
  await boss.createQueue(TASK, { name: TASK, ...options });
  if (!reset) await boss.updateQueue(TASK, { name: TASK, ...options }); // createQueue keeps an old one as it was
}

async function startWorkers(boss: PgBoss, bossDb: BossDb, deps: QueueDeps): Promise<TaskQueue> {
  const q = deps.options.queue;
  const ctx: WorkerContext = {
    task: TASK, db: deps.db, stats: deps.stats,
    failForGood: (id) => bossDb
      .executeSql(`UPDATE ${q.pgSchema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2 AND state = 'active'`, [TASK, id])
      .then((r) => (r as { rowCount?: number }).rowCount === 1, () => false),
  };
  const wake = new WakeUp(q.concurrency);
  const attempts = new Set<Promise<void>>();
  // Jobs this process sent that no worker has started yet. pg-boss sleeps out the rest of its
  // polling interval after each job even when more are waiting; with `notify` a worker that
  // finishes while this is positive polls again at once, so a backlog drains at full speed.
  let unstarted = 0;
  const workOptions = { batchSize: 1, pollingIntervalSeconds: q.pollingIntervalMs / 1000, includeMetadata: true as const };
  for (let i = 0; i < q.concurrency; i++) {
    const id = await boss.work<InteractionJob>(TASK, workOptions, async ([job]) => {
      if (!job) return;
      wake.setBusy(i, true);
      if (job.retryCount === 0) unstarted = Math.max(0, unstarted - 1);
      const attempt = runAttempt(ctx, job);
      attempts.add(attempt);
      try {
        await attempt;
      } finally {
        attempts.delete(attempt);
        wake.setBusy(i, false);
        const self = wake.idOf(i);
        if (q.notify && unstarted > 0 && self !== undefined) boss.notifyWorker(self);
      }
    });
    wake.register(i, id);
  }

  let stopping: Promise<void> | undefined;
  return {
    boss,
    async enqueue(t, body) {
      const data: InteractionJob = { ...body, enqueuedAt: epochMs() };
      const id = await boss.send(TASK, data, { db: requestDb(deps.db, t) });
      if (id === null) throw new Error(`pg-boss did not enqueue a ${TASK} job`);
      deps.stats.enqueued(TASK);
      deps.stats.statement(TASK, 'send');
      unstarted += 1;
      if (q.notify) {
        const worker = wake.pick();
        if (worker !== undefined) boss.notifyWorker(worker);
      }
      return id;
    },
    waiting: (name = TASK) => boss.getQueueSize(name),
    stop: () => (stopping ??= shutdown(boss, bossDb, attempts)),
  };
}

/**
 * pg-boss's graceful stop stops the workers polling and waits (checking every 0.5 s) until none
 * holds a job. A poll already under way may still hand a worker a job afterwards, and pg-boss
 * completes jobs without awaiting; so settle our attempts and its statements until both are
 * gone (a macrotask turn lets the completions that follow an attempt be issued) before closing.
 */
async function shutdown(boss: PgBoss, bossDb: BossDb, attempts: Set<Promise<void>>): Promise<void> {
  await boss.stop({ graceful: true, wait: true, close: false });
  for (;;) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const open = [...attempts, ...bossDb.inFlight()];
    if (open.length === 0) break;
    await Promise.allSettled(open);
  }
  await bossDb.close();
}
