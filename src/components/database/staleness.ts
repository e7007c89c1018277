/**
 * Stale-read tracking for asynchronous replicas. A write to a row becomes visible on each
 * replica at its commit time plus that replica's lag; a replica read of the row before then
 * sees old data. Only rows whose latest write is not yet visible everywhere are kept (a map
 * plus a heap ordered by "visible everywhere" time, purged as time passes), so memory grows
 * with the writes inside the lag window, never with the writes simulated.
 */
import { PriorityQueue } from '../../engine/resources/wait-queue.js';

export class StalenessTracker {
  /** Row key → slot; a slot holds the time the latest write is visible everywhere, then per replica. */
  private readonly slots = new Map<number, number>();
  private times: Float64Array;
  private readonly free: number[] = [];
  private used = 0;
  private readonly stride: number;
  /** Row keys by "visible everywhere" time; an entry is outdated when a later write moved it. */
  private readonly expiry = new PriorityQueue<number>();

  constructor(private readonly replicas: number) {
    if (!Number.isInteger(replicas) || replicas < 1) throw new RangeError(`staleness tracker: replicas must be an integer >= 1 (got ${replicas})`);
    this.stride = replicas + 1;
    this.times = new Float64Array(this.stride * 64);
  }

  /** Rows whose latest write some replica has not applied yet (after the last purge). */
  get size(): number {
    return this.slots.size;
  }

  /** Heap entries kept: at most one per write still in the lag window. */
  get pending(): number {
    return this.expiry.size;
  }

  /** A write to `key` committed at `now`; `lag(r)` draws replica r's lag (seconds >= 0). */
  write(key: number, now: number, lag: (replica: number) => number): void {
    this.purge(now);
    let slot = this.slots.get(key);
    const fresh = slot === undefined;
    if (slot === undefined) slot = this.allocate(key);
    const base = slot * this.stride;
    const t = this.times;
    let all = 0;
    for (let r = 0; r < this.replicas; r++) {
      const d = lag(r);
      const at = now + (d > 0 ? d : 0);
      // replicas apply the WAL in order: a later write is never visible before an earlier one
      const v = fresh || at > t[base + 1 + r]! ? at : t[base + 1 + r]!;
      t[base + 1 + r] = v;
      if (v > all) all = v;
    }
    t[base] = all;
    this.expiry.push(key, now, 0, all);
  }

  /** Would a read of `key` on `replica` at `now` miss the latest write? */
  isStale(key: number, replica: number, now: number): boolean {
    this.purge(now);
    const slot = this.slots.get(key);
    return slot !== undefined && this.times[slot * this.stride + 1 + replica]! > now;
  }

  /** Forget rows visible everywhere by `now`. */
  purge(now: number): void {
    const q = this.expiry;
    while (q.peekPriority() <= now) {
      const key = q.shift()!;
      const slot = this.slots.get(key);
      // a later write to the row pushed its time on: that write has its own heap entry
      if (slot === undefined || this.times[slot * this.stride]! > now) continue;
      this.slots.delete(key);
      this.free.push(slot);
    }
  }

  private allocate(key: number): number {
    let slot = this.free.pop();
    if (slot === undefined) {
      slot = this.used++;
      if ((slot + 1) * this.stride > this.times.length) {
        const grown = new Float64Array(this.times.length * 2);
        grown.set(this.times);
        this.times = grown;
      }
    }
    this.slots.set(key, slot);
    return slot;
  }
}
