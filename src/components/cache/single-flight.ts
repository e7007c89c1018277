/**
 * The stampede guard (Go's singleflight, a Redis lock around the loader): while one request
 * loads a missing key, later misses on that key wait for its value instead of all hitting
 * the database. Waiters are woken as hits when any request stores the key. If the loader
 * ends without storing it (an error, a timeout), the first waiter still waiting becomes the
 * loader, so nobody waits forever; waiters whose own requests were aborted are let go.
 */
import type { Releasable, Request } from '../../flow/request.js';

/** How the cache wakes a waiter (after its own latency, from an engine event). */
export interface FlightWaker {
  /** The value arrived: resume `req` as a hit. */
  served(req: Request): void;
  /** No value: resume `req` as a miss (it loads the key itself, or ends if aborted). */
  unserved(req: Request): void;
}

/** One key being loaded. It sits in the loader's `held` list, so the end of the loader's
 * request, however it ends, reaches `release`. Flights are pooled and reused. */
class Flight implements Releasable {
  key = 0;
  loader: Request | null = null;
  readonly waiters: Request[] = [];
  constructor(private readonly group: SingleFlight) {}

  release(req: Request): void {
    // a reused flight may still sit in an old loader's list: only its current loader counts
    if (req === this.loader) this.group.loaderEnded(this);
  }
}

export class SingleFlight {
  private readonly flights = new Map<number, Flight>();
  private readonly spare: Flight[] = [];
  /** Misses that waited for another request's load. */
  waits = 0;
  /** Waiters served a loaded value: database loads saved. */
  saved = 0;

  constructor(private readonly waker: FlightWaker) {}

  /** Keys being loaded now. */
  get loading(): number {
    return this.flights.size;
  }

  /** `req` missed `key`. True: another request is loading it and `req` now waits. False:
   * `req` is the loader (until it stores the key or its request ends). */
  miss(req: Request, key: number): boolean {
    const f = this.flights.get(key);
    if (f !== undefined) {
      // a loader reading its own key again must not wait for itself
      if (f.loader === req) return false;
      f.waiters.push(req);
      this.waits++;
      return true;
    }
    const g = this.spare.pop() ?? new Flight(this);
    g.key = key;
    g.loader = req;
    req.held.push(g);
    this.flights.set(key, g);
    return false;
  }

  /** `key` was stored: every waiter gets the value. */
  landed(key: number): void {
    const f = this.flights.get(key);
    if (f === undefined) return;
    this.flights.delete(key);
    const waiters = f.waiters;
    this.saved += waiters.length;
    for (let i = 0; i < waiters.length; i++) this.waker.served(waiters[i]!);
    this.recycle(f);
  }

  /** The loader's request ended before the key was stored. */
  loaderEnded(f: Flight): void {
    const waiters = f.waiters;
    let i = 0;
    // aborted waiters have been answered already: wake them only so they end
    while (i < waiters.length && waiters[i]!.aborted) this.waker.unserved(waiters[i++]!);
    if (i === waiters.length) {
      this.flights.delete(f.key);
      this.recycle(f);
      return;
    }
    const next = waiters[i]!;
    waiters.splice(0, i + 1);
    f.loader = next;
    next.held.push(f);
    this.waker.unserved(next);
  }

  resetStats(): void {
    this.waits = this.saved = 0;
  }

  private recycle(f: Flight): void {
    f.loader = null;
    f.waiters.length = 0;
    this.spare.push(f);
  }
}
