/**
 * A time-varying arrival rate λ(t) as the open-loop generator needs it: the rate itself,
 * its integral Λ(t) (expected arrivals so far, which evenly spaced arrivals invert), and
 * piecewise upper bounds so Poisson thinning stays efficient however the rate swings.
 * Time t is in seconds from the start of the run; rates are per second.
 */

export interface RateFunction {
  /** The profile's name (constant, ramp, spike, diurnal, steps), for messages and `explain`. */
  readonly kind: string;
  /** The largest rate ever reached (t >= 0). */
  readonly peak: number;
  /** λ(t) >= 0, requests per second at time t >= 0. */
  rate(t: number): number;
  /** Λ(t) = ∫₀ᵗ λ(s) ds: the expected number of arrivals in [0, t]. */
  cumulative(t: number): number;
  /**
   * The earliest time at which Λ reaches `y` with arrivals still to come (so y = 0 at a
   * start where the rate is 0 gives the moment the rate turns positive); Infinity when Λ
   * never gets past `y`.
   */
  inverse(y: number): number;
  /** An upper bound of λ over the bound segment holding t (segments cover [0, ∞)). */
  bound(t: number): number;
  /** The end of the bound segment holding t: always > t; Infinity for the last one. */
  boundEnd(t: number): number;
}

/** Reject what would make a rate NaN or negative; names the parameter as the user wrote it. */
export function requireRate(profile: string, param: string, value: number): number {
  if (!(value >= 0) || value === Infinity) {
    throw new RangeError(`${profile} ${param} must be a finite rate >= 0 per second (got ${value})`);
  }
  return value;
}

export function requireTime(profile: string, param: string, value: number, min = 0): number {
  if (!(value >= min) || value === Infinity) {
    throw new RangeError(`${profile} ${param} must be a finite duration >= ${min}s (got ${value})`);
  }
  return value;
}
