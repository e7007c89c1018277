/**
 * The simulation kernel: a clock, the future-event list and the named random streams.
 * It knows no domain (no requests, no HTTP): an event is a handler and an opaque payload,
 * run in (time, seq) order, where seq is the engine's own scheduling counter.
 * Components never see this class; they get a SimContext (see context.ts).
 */
import { EventQueue } from './event-queue.js';
import { Probes } from './probe.js';
import { createStream } from './random/streams.js';
import type { EventId, Handler, RandomStream } from './types.js';

export interface RunOptions {
  /** Stop before the first event later than this time, and advance the clock to it. */
  until?: number;
  /** Stop after this many events (a safety net for tests). */
  maxEvents?: number;
}

export class Simulation {
  private _now = 0;
  private nextSeq = 0;
  private readonly queue = new EventQueue();
  /** Seqs cancelled while pending; checked (and deleted) as their events reach the head. */
  private readonly cancelled = new Set<number>();
  private readonly streamNames = new Set<string>();
  private stopped = false;
  /** Events run so far (cancelled ones excluded). */
  eventsRun = 0;
  readonly probes = new Probes();

  constructor(readonly seed: string | number = 1) {}

  get now(): number {
    return this._now;
  }

  /** Number of events pending, including cancelled ones not yet discarded. */
  get pending(): number {
    return this.queue.size;
  }

  schedule<A>(delay: number, fn: Handler<A>, arg: A): EventId {
    // `!(x >= 0)` also rejects NaN: a NaN time would silently corrupt the order
    if (!(delay >= 0) || delay === Infinity) {
      throw new Error(`schedule: delay must be a finite number >= 0 (got ${delay})`);
    }
    const seq = this.nextSeq++;
    this.queue.push(this._now + delay, seq, fn as Handler, arg);
    return seq;
  }

  /** Schedule at an absolute time (>= now). */
  scheduleAt<A>(time: number, fn: Handler<A>, arg: A): EventId {
    return this.schedule(time - this._now, fn, arg);
  }

  /** Cancel a pending event: it will never run. Cancelling an event that already ran is a no-op. */
  cancel(id: EventId): void {
    if (id >= this.nextSeq || id < 0) return;
    this.cancelled.add(id);
    // ids of events that already ran would otherwise stay in the set forever
    if (this.cancelled.size > 2 * this.queue.size + 1024) this.purgeCancelled();
  }

  /** Time of the next pending event (Infinity when none). Cancelled events may be reported. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Run the next event; false when there is none. */
  step(): boolean {
    const q = this.queue;
    for (;;) {
      if (!q.pop()) return false;
      if (this.cancelled.size > 0 && this.cancelled.delete(q.seq)) continue;
      this._now = q.time;
      this.eventsRun++;
      q.fn!(q.arg);
      return true;
    }
  }

  /** Run events in order until the queue empties, `until` is passed or `stop()` is called. */
  run(options: RunOptions = {}): void {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    const q = this.queue;
    const cancelled = this.cancelled;
    this.stopped = false;
    let n = 0;
    // the hot loop: inlined step() so each event costs one pop and one call
    while (!this.stopped && n < maxEvents) {
      if (q.peekTime() > until) break;
      if (!q.pop()) break;
      if (cancelled.size > 0 && cancelled.delete(q.seq)) continue;
      this._now = q.time;
      n++;
      q.fn!(q.arg);
    }
    this.eventsRun += n;
    if (until !== Infinity && !this.stopped && n < maxEvents && this._now < until) this._now = until;
  }

  /** Ask `run` to return after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /** A named random stream derived from (seed, name). Each name may be taken once. */
  stream(name: string): RandomStream {
    if (this.streamNames.has(name)) {
      throw new Error(`random stream "${name}" already exists: two components would draw the same numbers`);
    }
    this.streamNames.add(name);
    return createStream(this.seed, name);
  }

  private purgeCancelled(): void {
    const live = new Set<number>();
    this.queue.forEachSeq((s) => {
      if (this.cancelled.has(s)) live.add(s);
    });
    this.cancelled.clear();
    for (const s of live) this.cancelled.add(s);
  }
}
