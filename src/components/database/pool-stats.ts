/**
 * Statistics shared by every connection source of one pooling component (the per-instance
 * pools of a connection_pool, the server side of a PgBouncer): the wait for a connection —
 * zero waits included, timed-out waits at their full length — and the counters the report
 * shows, so totals across instances are exact rather than sums of per-instance peaks.
 */
import { LatencyHistogram } from '../../engine/stats/histogram.js';
import { TimeWeighted } from '../../engine/stats/time-weighted.js';

export class PoolStats {
  readonly waits = new LatencyHistogram();
  /** Connections in use (checked out, or being opened for a request). */
  readonly inUse: TimeWeighted;
  /** Requests waiting for a connection. */
  readonly waiting: TimeWeighted;
  /** Connections open (idle or in use). */
  readonly open: TimeWeighted;
  timeouts = 0;
  /** Connections the database (or bouncer) refused: its connection limit was reached. */
  refused = 0;
  /** Connections opened on demand beyond the persistent ones (overflow). */
  overflowOpened = 0;
  /** Connections closed on return because more than the persistent number were open. */
  overflowClosed = 0;

  constructor(now: number) {
    this.inUse = new TimeWeighted(now, 0);
    this.waiting = new TimeWeighted(now, 0);
    this.open = new TimeWeighted(now, 0);
  }

  resetStats(now: number): void {
    this.waits.reset();
    this.inUse.reset(now);
    this.waiting.reset(now);
    this.open.reset(now);
    this.timeouts = this.refused = this.overflowOpened = this.overflowClosed = 0;
  }

  /** The figures every pooling component reports; `capacity` is the connections it may hold. */
  figures(now: number, capacity: number): { utilisation: number; meanQueue: number; maxQueue: number; poolWaitP95Ms?: number; extra: Record<string, number> } {
    const p95 = this.waits.percentile(95);
    return {
      utilisation: capacity > 0 ? this.inUse.mean(now) / capacity : 0,
      meanQueue: this.waiting.mean(now),
      maxQueue: this.waiting.max,
      ...(p95 === undefined ? {} : { poolWaitP95Ms: p95 * 1000 }),
      extra: {
        acquisitions: this.waits.count,
        mean_wait_ms: (this.waits.mean ?? 0) * 1000,
        timeouts: this.timeouts,
        refused: this.refused,
        in_use_mean: this.inUse.mean(now),
        in_use_max: this.inUse.max,
        open_mean: this.open.mean(now),
        open_max: this.open.max,
        overflow_opened: this.overflowOpened,
        overflow_closed: this.overflowClosed,
      },
    };
  }
}
