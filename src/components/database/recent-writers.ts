/**
 * Read-your-writes: who wrote within the last `window` seconds, so the database can send
 * their reads to the primary. Like the staleness tracker it keeps only writers inside the
 * window (a map of last write times plus a heap of expiries), whatever the run length.
 */
import { PriorityQueue } from '../../engine/resources/wait-queue.js';

export class RecentWriters {
  private readonly last = new Map<number, number>();
  private readonly expiry = new PriorityQueue<number>();

  constructor(readonly window: number) {
    if (!(window > 0 && window < Infinity)) throw new RangeError(`read_your_writes: window must be a finite duration > 0 (got ${window})`);
  }

  get size(): number {
    return this.last.size;
  }

  wrote(writer: number, now: number): void {
    this.purge(now);
    this.last.set(writer, now);
    this.expiry.push(writer, now, 0, now + this.window);
  }

  /** Did `writer` write less than `window` ago? */
  isRecent(writer: number, now: number): boolean {
    this.purge(now);
    const t = this.last.get(writer);
    return t !== undefined && now - t < this.window;
  }

  private purge(now: number): void {
    const q = this.expiry;
    while (q.peekPriority() <= now) {
      const writer = q.shift()!;
      const t = this.last.get(writer);
      // only the writer's latest write decides; older heap entries just fall away
      if (t !== undefined && t + this.window <= now) this.last.delete(writer);
    }
  }
}
