/**
 * The simplest collectors: a Counter of events, and RunningStats, Welford's one-pass mean,
 * variance, min and max, mergeable with Chan et al.'s parallel formula so replications and
 * worker threads can be combined in any grouping.
 */

export class Counter {
  private n = 0;

  /** Add `amount` (default 1); amounts must be finite. */
  add(amount = 1): void {
    if (!Number.isFinite(amount)) throw new RangeError(`Counter.add: amount must be a finite number, got ${amount}`);
    this.n += amount;
  }

  get value(): number {
    return this.n;
  }

  reset(): void {
    this.n = 0;
  }
}

export interface RunningStatsJSON {
  readonly count: number;
  readonly mean: number;
  /** Sum of squared deviations from the mean (Welford's M2). */
  readonly m2: number;
  /** null when count is 0. */
  readonly min: number | null;
  readonly max: number | null;
}

export class RunningStats {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`RunningStats.add: x must be a finite number, got ${x}`);
    this.n++;
    const delta = x - this.mu;
    this.mu += delta / this.n;
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }

  /** Undefined while empty (never NaN). */
  get mean(): number | undefined {
    return this.n === 0 ? undefined : this.mu;
  }

  /** Sample variance (divisor n - 1); undefined below two values. */
  get variance(): number | undefined {
    return this.n < 2 ? undefined : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation; undefined below two values. */
  get sd(): number | undefined {
    const v = this.variance;
    return v === undefined ? undefined : Math.sqrt(v);
  }

  get min(): number | undefined {
    return this.n === 0 ? undefined : this.lo;
  }

  get max(): number | undefined {
    return this.n === 0 ? undefined : this.hi;
  }

  /** Combine with `other` as if all its values had been added here (Chan, Golub & LeVeque 1979). */
  merge(other: RunningStats): this {
    if (other.n === 0) return this;
    if (this.n === 0) {
      this.n = other.n;
      this.mu = other.mu;
      this.m2 = other.m2;
    } else {
      const n = this.n + other.n;
      const delta = other.mu - this.mu;
      this.mu += (delta * other.n) / n;
      this.m2 += other.m2 + (delta * delta * this.n * other.n) / n;
      this.n = n;
    }
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  reset(): void {
    this.n = 0;
    this.mu = 0;
    this.m2 = 0;
    this.lo = Infinity;
    this.hi = -Infinity;
  }

  toJSON(): RunningStatsJSON {
    const empty = this.n === 0;
    return { count: this.n, mean: this.mu, m2: this.m2, min: empty ? null : this.lo, max: empty ? null : this.hi };
  }

  static fromJSON(data: RunningStatsJSON): RunningStats {
    const s = new RunningStats();
    const ok = Number.isSafeInteger(data.count) && data.count >= 0 && Number.isFinite(data.mean) && data.m2 >= 0 && data.m2 < Infinity;
    if (!ok) throw new RangeError(`RunningStats.fromJSON: data must come from RunningStats.toJSON(), got ${JSON.stringify(data)}`);
    if (data.count === 0) return s;
    s.n = data.count;
    s.mu = data.mean;
    s.m2 = data.m2;
    s.lo = data.min ?? data.mean;
    s.hi = data.max ?? data.mean;
    return s;
  }
}
