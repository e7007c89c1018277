/**
 * A circuit breaker (closed → open → half-open → closed), as resilience4j's count-in-time-
 * window breaker: outcomes of the last `window` seconds are kept in ten buckets; once at
 * least `minRequests` are there and the failed share reaches `threshold`, it opens and
 * refuses every attempt for `openFor`. Then it lets `probes` attempts through (half-open):
 * all succeed → closed with an empty window; any fails → open again. Outcomes of attempts
 * sent before it opened are ignored while it is open or half-open.
 */

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
export type BreakerState = typeof CLOSED | typeof OPEN | typeof HALF_OPEN;

/** What `allow` answers: refuse, send normally, or send as a half-open probe. */
export const REFUSE = 0;
export const SEND = 1;
export const PROBE = 2;

const BUCKETS = 10;

export interface BreakerSettings {
  readonly threshold: number;
  readonly window: number;
  readonly minRequests: number;
  readonly openFor: number;
  readonly probes: number;
}

export class CircuitBreaker {
  state: BreakerState = CLOSED;
  private readonly width: number;
  private readonly total = new Float64Array(BUCKETS);
  private readonly failed = new Float64Array(BUCKETS);
  /** Absolute bucket number of the newest bucket. */
  private head = 0;
  private sumTotal = 0;
  private sumFailed = 0;
  private openedAt = 0;
  private probesSent = 0;
  private probesOk = 0;

  // statistics since the last reset
  opened = 0;
  refused = 0;
  private openSince = 0;
  openSeconds = 0;

  constructor(readonly settings: BreakerSettings) {
    const { threshold, window, minRequests, openFor, probes } = settings;
    if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`circuit breaker: failure_threshold must be in (0, 1] (got ${threshold})`);
    if (!(window > 0 && window < Infinity)) throw new RangeError(`circuit breaker: window must be a finite duration > 0 (got ${window})`);
    if (!(openFor > 0 && openFor < Infinity)) throw new RangeError(`circuit breaker: open_for must be a finite duration > 0 (got ${openFor})`);
    if (!(minRequests >= 1) || !(probes >= 1)) throw new RangeError(`circuit breaker: min_requests and half_open_probes must be >= 1 (got ${minRequests}, ${probes})`);
    this.width = window / BUCKETS;
  }

  /** May an attempt go out at `now`? REFUSE, SEND, or PROBE (half-open). */
  allow(now: number): number {
    if (this.state === CLOSED) return SEND;
    if (this.state === OPEN) {
      if (now < this.openedAt + this.settings.openFor) return this.refuse();
      this.state = HALF_OPEN;
      this.probesSent = this.probesOk = 0;
    }
    if (this.probesSent >= this.settings.probes) return this.refuse();
    this.probesSent++;
    return PROBE;
  }

  /** The outcome of an attempt sent with `allow`'s answer `sent` (SEND or PROBE). */
  record(ok: boolean, now: number, sent: number): void {
    if (this.state === HALF_OPEN) {
      if (sent !== PROBE) return;
      if (!ok) return this.open(now);
      if (++this.probesOk >= this.settings.probes) this.close(now);
      return;
    }
    if (this.state === OPEN) return;
    this.advance(now);
    const b = this.head % BUCKETS;
    this.total[b]!++;
    this.sumTotal++;
    if (!ok) {
      this.failed[b]!++;
      this.sumFailed++;
    }
    if (this.sumTotal >= this.settings.minRequests && this.sumFailed >= this.settings.threshold * this.sumTotal) this.open(now);
  }

  /** Seconds spent open or half-open since the last reset, up to `now`. */
  openTime(now: number): number {
    return this.openSeconds + (this.state === CLOSED ? 0 : now - this.openSince);
  }

  resetStats(now: number): void {
    this.opened = this.refused = 0;
    this.openSeconds = 0;
    this.openSince = now;
  }

  private refuse(): number {
    this.refused++;
    return REFUSE;
  }

  private open(now: number): void {
    if (this.state === CLOSED) {
      this.opened++;
      this.openSince = now;
    }
    this.state = OPEN;
    this.openedAt = now;
  }

  private close(now: number): void {
    this.state = CLOSED;
    this.openSeconds += now - this.openSince;
    this.total.fill(0);
    this.failed.fill(0);
    this.sumTotal = this.sumFailed = 0;
  }

  /** Drop buckets older than the window as time moves on. */
  private advance(now: number): void {
    const bucket = Math.floor(now / this.width);
    if (bucket <= this.head) return;
    const stale = Math.min(BUCKETS, bucket - this.head);
    for (let i = 1; i <= stale; i++) {
      const b = (this.head + i) % BUCKETS;
      this.sumTotal -= this.total[b]!;
      this.sumFailed -= this.failed[b]!;
      this.total[b] = 0;
      this.failed[b] = 0;
    }
    this.head = bucket;
  }
}
