/**
 * What a worker_queue counts between resets: tasks published, attempts and how they ended,
 * retries, dead letters, redeliveries, and the latency (publish → done) and queue wait of
 * tasks. Latencies count only tasks published after the last reset, as request metrics do,
 * so the backlog built during warm-up does not weigh on the measured window.
 */
import { LatencyHistogram } from '../../engine/stats/histogram.js';
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { Task } from './task.js';

export class QueueStats {
  since: number;
  enqueued = 0;
  attempts = 0;
  completed = 0;
  /** Attempts that failed: transiently at their end, or cut short by an error. */
  failedAttempts = 0;
  failedByError = 0;
  retries = 0;
  deadLettered = 0;
  /** Tasks running on a crashed worker: back in the queue (acks_late) or lost. */
  redelivered = 0;
  lost = 0;
  crashes = 0;
  readonly latency = new LatencyHistogram();
  readonly wait = new LatencyHistogram();
  readonly perTask: { completed: number; latency: LatencyHistogram }[];
  /** Tasks running (slots busy) over all workers. */
  readonly busySlots: TimeWeighted;

  constructor(tasks: number, now: number) {
    this.since = now;
    this.perTask = Array.from({ length: tasks }, () => ({ completed: 0, latency: new LatencyHistogram() }));
    this.busySlots = new TimeWeighted(now);
  }

  /** Counted in latencies: published in the current window. */
  measured(task: Task): boolean {
    return task.enqueuedAt >= this.since;
  }

  complete(task: Task, now: number): void {
    this.completed++;
    const t = this.perTask[task.def.index]!;
    t.completed++;
    if (!this.measured(task)) return;
    this.latency.record(now - task.enqueuedAt);
    t.latency.record(now - task.enqueuedAt);
  }

  reset(now: number): void {
    this.since = now;
    this.enqueued = this.attempts = this.completed = this.failedAttempts = this.failedByError = 0;
    this.retries = this.deadLettered = this.redelivered = this.lost = this.crashes = 0;
    this.latency.reset();
    this.wait.reset();
    for (const t of this.perTask) {
      t.completed = 0;
      t.latency.reset();
    }
    this.busySlots.reset(now);
  }
}
