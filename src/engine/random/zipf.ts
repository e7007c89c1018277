/**
 * Zipf over ranks 1..n with P(k) ∝ k^(−s), by rejection-inversion (Hörmann & Derflinger
 * 1996, following Apache Commons RNG's RejectionInversionZipfSampler): O(1) memory and
 * expected time for any n (10^8 keys need no table), any s > 0 including s <= 1.
 * Exact moments come from generalised harmonic numbers (harmonic.ts).
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import { ALLOWED, requireInteger, requirePositive } from './errors.js';
import { centredSecondMoment, expm1OverX, harmonic } from './harmonic.js';

/** Largest n accepted: the sampler rounds a double to the rank, exact well beyond this. */
export const ZIPF_MAX_N = 1e12;

/** log(1 + x)/x, continuous at 0. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

class Zipf implements DistributionWithSupport {
  readonly kind = 'zipf';
  readonly discrete = true;
  readonly min = 1;
  readonly mean: number;
  readonly variance: number;
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  /** Acceptance shortcut: k − x <= shortcut implies acceptance (Apache's `s`). */
  private readonly shortcut: number;

  constructor(private readonly exponent: number, readonly max: number) {
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(max + 0.5);
    this.shortcut = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
    const norm = harmonic(max, exponent);
    this.mean = harmonic(max, exponent - 1) / norm;
    this.variance = centredSecondMoment(max, exponent, this.mean) / norm;
  }

  sample(rng: RandomStream): number {
    const n = this.max;
    for (;;) {
      // u is uniform in (hIntegral(1.5) − 1, hIntegral(n + 0.5)].
      const u = this.hIntegralN + rng.next() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      // Rounding error can push k just outside [1, n].
      const k = Math.min(n, Math.max(1, Math.floor(x + 0.5)));
      if (k - x <= this.shortcut || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  /** H(x) = ∫ h: (x^{1−s} − 1)/(1 − s), written to stay exact near s = 1. */
  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  /** h(x) = x^{−s}. */
  private h(x: number): number {
    return Math.exp(-this.exponent * Math.log(x));
  }

  private hIntegralInverse(x: number): number {
    // t >= −1 in exact arithmetic; rounding can dip below it.
    const t = Math.max(-1, x * (1 - this.exponent));
    return Math.exp(log1pOverX(t) * x);
  }
}

/** Ranks 1..n with P(k) ∝ k^(−s); s > 0, integer 1 <= n <= 10^12. */
export function zipf(s: number, n: number): DistributionWithSupport {
  requirePositive('zipf', 's', s);
  requireInteger('zipf', 'n', n, 1, ZIPF_MAX_N, `${ALLOWED.integerAtLeast1} and <= 1e12`);
  return new Zipf(s, n);
}
