/**
 * A pool of identical tokens — connections, worker slots, licences — acquired and released
 * explicitly, with a FIFO wait queue and an optional acquire timeout (SimPy's Resource with
 * SQLAlchemy's `pool_timeout`). Unlike a Station, the holder decides when to release, so a
 * request can hold a connection across several steps of its flow.
 * A waiter that times out stays in the queue marked dead and is skipped when it reaches the
 * head: cancelling is O(1) and the queue order never changes.
 */
import type { EventId, SimContext } from '../types.js';
import { TimeWeighted } from '../stats/time-weighted.js';

interface Ticket<W> {
  waiter: W;
  at: number;
  timer: EventId;
  live: boolean;
}

export interface PoolOptions {
  /** Tokens available (integer >= 0; 0 makes every acquire wait). */
  size: number;
  /** Longest wait before `onTimeout` (seconds); Infinity waits forever. */
  timeout?: number;
}

export class Pool<W> {
  private _size: number;
  private readonly timeout: number;
  private used = 0;
  private readonly queue: Ticket<W>[] = [];
  private head = 0;
  private live = 0;

  acquired = 0;
  timeouts = 0;
  waitedCount = 0;
  waitSum = 0;
  readonly inUse = new TimeWeighted();
  readonly waitingGauge = new TimeWeighted();

  constructor(
    private readonly ctx: SimContext,
    options: PoolOptions,
    /** Runs (from the event loop, never inside `acquire`) when a queued waiter gets a token. */
    private readonly onGranted: (waiter: W, waited: number) => void,
    private readonly onTimeout?: (waiter: W, waited: number) => void,
  ) {
    if (!Number.isInteger(options.size) || options.size < 0) {
      throw new RangeError(`pool ${ctx.name}: size must be an integer >= 0 (got ${options.size})`);
    }
    const t = options.timeout ?? Infinity;
    if (!(t > 0)) throw new RangeError(`pool ${ctx.name}: timeout must be > 0 seconds (got ${t})`);
    this._size = options.size;
    this.timeout = t;
  }

  get size(): number {
    return this._size;
  }
  get inUseCount(): number {
    return this.used;
  }
  get waiting(): number {
    return this.live;
  }

  /** Take a token now (returns true) or join the queue (returns false; `onGranted` or
   * `onTimeout` will run later). */
  acquire(waiter: W): boolean {
    const now = this.ctx.now;
    if (this.used < this._size && this.live === 0) {
      this.used++;
      this.acquired++;
      this.inUse.set(now, this.used);
      return true;
    }
    const ticket: Ticket<W> = { waiter, at: now, timer: -1, live: true };
    if (this.timeout !== Infinity) ticket.timer = this.ctx.schedule(this.timeout, this.expire, ticket);
    this.queue.push(ticket);
    this.live++;
    this.waitingGauge.set(now, this.live);
    return false;
  }

  /** Return a token; the oldest live waiter gets it at once. */
  release(): void {
    if (this.used <= 0) throw new Error(`pool ${this.ctx.name}: release without a matching acquire`);
    this.used--;
    this.grant();
    this.inUse.set(this.ctx.now, this.used);
  }

  /** Change the number of tokens (autoscaling, overflow); extra holders drain naturally. */
  resize(size: number): void {
    this._size = size;
    this.grant();
    this.inUse.set(this.ctx.now, this.used);
  }

  resetStats(now: number): void {
    this.acquired = this.timeouts = this.waitedCount = 0;
    this.waitSum = 0;
    this.inUse.reset(now);
    this.waitingGauge.reset(now);
  }

  private grant(): void {
    const now = this.ctx.now;
    while (this.used < this._size && this.live > 0) {
      const t = this.queue[this.head]!;
      this.queue[this.head++] = undefined as unknown as Ticket<W>;
      if (!t.live) continue;
      t.live = false;
      this.live--;
      if (t.timer >= 0) this.ctx.cancel(t.timer);
      this.used++;
      this.acquired++;
      this.waitedCount++;
      this.waitSum += now - t.at;
      // continue from the event loop, not inside release(): the releaser finishes its step first
      this.ctx.schedule(0, this.deliver, t);
    }
    this.compact();
    this.waitingGauge.set(now, this.live);
  }

  private readonly deliver = (t: Ticket<W>): void => {
    this.onGranted(t.waiter, this.ctx.now - t.at);
  };

  private readonly expire = (t: Ticket<W>): void => {
    if (!t.live) return;
    t.live = false;
    this.live--;
    this.timeouts++;
    this.waitingGauge.set(this.ctx.now, this.live);
    this.compact();
    if (this.onTimeout) this.onTimeout(t.waiter, this.ctx.now - t.at);
  };

  /** Drop dead tickets from the head, and the consumed prefix once it dominates the array. */
  private compact(): void {
    while (this.head < this.queue.length && !this.queue[this.head]?.live) this.head++;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
  }
}
