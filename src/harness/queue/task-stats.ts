/**
 * Statistics of the task queue per task name, served under `tasks` in GET /__stats: jobs
 * enqueued, done, failed (dead-lettered) and retried; for done tasks the latency from enqueue
 * to done, split into queue wait (until a worker picked up the attempt that succeeded) and
 * service (that attempt); and the pg-boss statements the task cost. Moments plus HDR quantiles,
 * so memory stays fixed however many tasks run.
 */
import { LatencyHistogram } from '../driver/histogram.js';
import { Moments, type MomentsSnapshot } from '../route-stats.js';

export interface DurationSnapshot extends MomentsSnapshot {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
}

/** Kinds of pg-boss statement, as told apart by boss-db.ts; `fetchEmpty` is a poll that found nothing. */
export const STATEMENTS = ['send', 'fetch', 'fetchEmpty', 'complete', 'fail', 'other'] as const;
export type Statement = (typeof STATEMENTS)[number];

export interface TaskSnapshot {
  readonly enqueued: number;
  /** Tasks whose work was done (their row written). */
  readonly done: number;
  /** Tasks that failed for good: a permanent error, or retries exhausted; both are dead-lettered. */
  readonly failed: number;
  /** Attempts after a task's first. */
  readonly retried: number;
  /** Attempts running now (a gauge: not cleared by a reset). */
  readonly inFlight: number;
  /** Milliseconds per done task: latency = wait + service. */
  readonly ms: Readonly<Record<'latency' | 'wait' | 'service', DurationSnapshot>>;
  /** pg-boss statements naming this task's queue, by kind. */
  readonly queries: Readonly<Record<Statement, number>>;
}

class Durations {
  private readonly moments = new Moments();
  private readonly hist = new LatencyHistogram();

  add(ms: number): void {
    this.moments.add(ms);
    this.hist.recordMs(ms);
  }

  snapshot(): DurationSnapshot {
    const q = (p: number) => this.hist.percentileMs(p);
    return { count: this.moments.n, ...this.moments.snapshot(), p50: q(50), p90: q(90), p95: q(95), p99: q(99) };
  }
}

class TaskAggregate {
  enqueued = 0;
  done = 0;
  failed = 0;
  retried = 0;
  readonly ms = { latency: new Durations(), wait: new Durations(), service: new Durations() };
  readonly queries: Record<Statement, number> = { send: 0, fetch: 0, fetchEmpty: 0, complete: 0, fail: 0, other: 0 };

  snapshot(inFlight: number): TaskSnapshot {
    const ms = { latency: this.ms.latency.snapshot(), wait: this.ms.wait.snapshot(), service: this.ms.service.snapshot() };
    const { enqueued, done, failed, retried } = this;
    return { enqueued, done, failed, retried, inFlight, ms, queries: { ...this.queries } };
  }
}

/** Epoch milliseconds of one task's life; all three from the same process clock. */
export interface TaskTimes {
  readonly enqueuedAt: number;
  readonly startedAt: number;
  readonly doneAt: number;
}

export class TaskStats {
  private tasks = new Map<string, TaskAggregate>();
  private readonly running = new Map<string, number>();

  private of(task: string): TaskAggregate {
    let agg = this.tasks.get(task);
    if (!agg) this.tasks.set(task, (agg = new TaskAggregate()));
    return agg;
  }

  enqueued(task: string): void {
    this.of(task).enqueued += 1;
  }

  /** A worker picked up an attempt; `retry` when it is not the task's first. */
  started(task: string, retry: boolean): void {
    if (retry) this.of(task).retried += 1;
    this.running.set(task, (this.running.get(task) ?? 0) + 1);
  }

  /** The attempt succeeded: the task is done. */
  done(task: string, times: TaskTimes): void {
    this.ended(task);
    const agg = this.of(task);
    agg.done += 1;
    agg.ms.latency.add(times.doneAt - times.enqueuedAt);
    agg.ms.wait.add(times.startedAt - times.enqueuedAt);
    agg.ms.service.add(times.doneAt - times.startedAt);
  }

  /** The attempt failed; `final` when no retry follows (the task is dead-lettered). */
  failed(task: string, final: boolean): void {
    this.ended(task);
    if (final) this.of(task).failed += 1;
  }

  private ended(task: string): void {
    this.running.set(task, (this.running.get(task) ?? 1) - 1);
  }

  statement(task: string, kind: Statement): void {
    this.of(task).queries[kind] += 1;
  }

  snapshot(): Record<string, TaskSnapshot> {
    const out: Record<string, TaskSnapshot> = {};
    for (const key of [...this.tasks.keys()].sort()) out[key] = this.tasks.get(key)!.snapshot(this.running.get(key) ?? 0);
    return out;
  }

  reset(): void {
    this.tasks = new Map();
  }
}
