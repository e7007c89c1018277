/**
 * A server's connection limit (Postgres max_connections, PgBouncer max_client_conn):
 * counts connections open, refuses one past the limit, and keeps the time-weighted count
 * and its peak for the report.
 */
import { TimeWeighted } from '../../engine/stats/time-weighted.js';

export class ConnectionLimit {
  private openNow = 0;
  readonly gauge: TimeWeighted;
  refused = 0;

  constructor(readonly limit: number, now: number) {
    if (!(limit >= 0)) throw new RangeError(`connection limit must be >= 0 (got ${limit})`);
    this.gauge = new TimeWeighted(now, 0);
  }

  get count(): number {
    return this.openNow;
  }

  /** Open one connection: false (and counted as refused) when the limit is reached. */
  open(now: number): boolean {
    if (this.openNow >= this.limit) {
      this.refused++;
      return false;
    }
    this.gauge.set(now, ++this.openNow);
    return true;
  }

  close(now: number): void {
    if (this.openNow <= 0) throw new Error('connection limit: close without a matching open');
    this.gauge.set(now, --this.openNow);
  }

  resetStats(now: number): void {
    this.refused = 0;
    this.gauge.reset(now);
  }
}
