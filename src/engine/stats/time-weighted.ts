/**
 * Time-weighted gauge for piecewise-constant quantities: queue length, busy servers,
 * utilisation. Like a tachograph it integrates level × time between changes, so the mean is
 * the area under the step function divided by the time observed, in O(1) memory.
 */

export class TimeWeighted {
  private level: number;
  private since: number;
  private start: number;
  private areaHi = 0;
  private areaLo = 0;
  private peak: number;
  private low: number;

  /** A gauge at `initial` level from simulated time `now` (both finite). */
  constructor(now = 0, initial = 0) {
    checkFinite('now', now);
    checkFinite('initial', initial);
    this.level = initial;
    this.since = now;
    this.start = now;
    this.peak = initial;
    this.low = initial;
  }

  /** The level now. */
  get current(): number {
    return this.level;
  }

  /** Highest level held since start or the last reset (the level at reset counts). */
  get max(): number {
    return this.peak;
  }

  /** Lowest level held since start or the last reset. */
  get min(): number {
    return this.low;
  }

  /** Time the averaging window began: construction or the last reset. */
  get startTime(): number {
    return this.start;
  }

  /** Change the level at time `now` (not earlier than the previous update). */
  set(now: number, value: number): void {
    if (!(value > -Infinity && value < Infinity)) checkFinite('value', value);
    this.advance(now);
    this.level = value;
    if (value > this.peak) this.peak = value;
    if (value < this.low) this.low = value;
  }

  /** Change the level by `delta` at time `now`, e.g. +1 on arrival, -1 on departure. */
  add(now: number, delta: number): void {
    this.set(now, this.level + delta);
  }

  /** Area under the level since the window began, up to `now`. */
  integral(now: number): number {
    checkNotBefore(now, this.since);
    return this.areaHi + this.areaLo + this.level * (now - this.since);
  }

  /** Time average of the level over [startTime, now]; the current level if no time has passed. */
  mean(now: number): number {
    const elapsed = now - this.start;
    const area = this.integral(now);
    return elapsed > 0 ? area / elapsed : this.level;
  }

  /** Forget history before `now` (warm-up deletion) but keep the current level. */
  reset(now: number): void {
    checkNotBefore(now, this.since);
    this.since = now;
    this.start = now;
    this.areaHi = 0;
    this.areaLo = 0;
    this.peak = this.level;
    this.low = this.level;
  }

  /** Close the current step at `now`. Neumaier summation, since 10^8 small steps would
   * otherwise drift in the last digits of a long run's mean. */
  private advance(now: number): void {
    checkNotBefore(now, this.since);
    const step = this.level * (now - this.since);
    const s = this.areaHi;
    const t = s + step;
    this.areaLo += Math.abs(s) >= Math.abs(step) ? s - t + step : step - t + s;
    this.areaHi = t;
    this.since = now;
  }
}

function checkNotBefore(now: number, since: number): void {
  if (!(now >= since && now < Infinity)) {
    throw new RangeError(`TimeWeighted: now must be a finite time >= the last update (${since}), got ${now}`);
  }
}

function checkFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`TimeWeighted: ${name} must be a finite number, got ${value}`);
}
