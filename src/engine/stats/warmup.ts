/**
 * Warm-up deletion: statistics gathered while the system fills from empty are biased, so at
 * the warm-up time every registered collector forgets its history at once. Pure helper: the
 * simulation schedules `fire(now)` at `at`; the gate itself knows nothing of the clock.
 */

/** Anything that can forget its history at simulated time `now`. Counters and histograms
 * ignore `now`; time-weighted gauges restart their averaging window there. */
export interface Collector {
  reset(now: number): void;
}

export class WarmupGate {
  private readonly collectors: Collector[] = [];
  private firedAt: number | undefined;

  /** `at`: the warm-up time in simulated seconds (finite, >= 0). */
  constructor(readonly at: number) {
    if (!(at >= 0 && at < Infinity)) {
      throw new RangeError(`WarmupGate: at (warm-up time) must be a finite number of seconds >= 0, got ${at}`);
    }
  }

  /** True once `fire` has run. */
  get fired(): boolean {
    return this.firedAt !== undefined;
  }

  /** Register collectors to reset at warm-up. One registered after the gate fired has seen
   * only post-warm-up data, so it is left alone. */
  register(...collectors: Collector[]): this {
    if (this.firedAt === undefined) this.collectors.push(...collectors);
    return this;
  }

  /** Reset every registered collector at `now`, in registration order; call exactly once. */
  fire(now: number): void {
    if (this.firedAt !== undefined) throw new Error(`WarmupGate fired twice (first at ${this.firedAt}, again at ${now})`);
    this.firedAt = now;
    for (const c of this.collectors) c.reset(now);
    this.collectors.length = 0; // nothing more to reset; let the collectors be collected with their owners
  }
}
