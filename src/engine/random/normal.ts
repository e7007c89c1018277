/**
 * Normal, normal truncated at zero, and lognormal. A standard normal is drawn by Leva's
 * ratio-of-uniforms (≈2.74 uniforms, a log only ~1% of the time) rather than Box–Muller,
 * because Box–Muller's spare value would have to be cached, and a cache shared by every
 * stream that samples this distribution would leak draws from one stream into another.
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import {
  DistributionError, requireFinite, requireNonNegative, requirePositive, requireRepresentable,
} from './errors.js';
import { constant } from './continuous.js';
import { millsTails, normalHazard } from './special.js';

/** One standard normal draw (J. L. Leva, ACM TOMS 18(4), 1992). */
export function standardNormal(rng: RandomStream): number {
  for (;;) {
    const u = rng.next();
    if (u === 0) continue; // v/u below needs u > 0; only streams other than ours return 0
    const v = 1.7156 * (rng.next() - 0.5);
    const x = u - 0.449871;
    const y = Math.abs(v) + 0.386595;
    const q = x * x + y * (0.196 * y - 0.25472 * x);
    if (q < 0.27597) return v / u;
    if (q <= 0.27846 && v * v <= -4 * Math.log(u) * u * u) return v / u;
  }
}

class Normal implements DistributionWithSupport {
  readonly kind = 'normal';
  readonly discrete = false;
  readonly min = -Infinity;
  readonly max = Infinity;
  readonly variance: number;
  constructor(readonly mean: number, private readonly sd: number) {
    this.variance = sd * sd;
  }
  sample(rng: RandomStream): number {
    return this.mean + this.sd * standardNormal(rng);
  }
}

/**
 * N(mu, sd) conditioned on X >= 0. With α = −mu/sd and λ = φ(α)/Q(α), the exact moments
 * are mean = mu + sd·λ and variance = sd²(1 + αλ − λ²); for α >= 3 they are taken from the
 * tails of the Mills-ratio continued fraction instead, which do not cancel (special.ts).
 * When mu >= 0 plain rejection accepts at least half the draws; when mu < 0 it could loop
 * for ever, so we draw the excess E = Z − α of Z over α by Robert's (1995) exponential
 * proposal (≥ 76% acceptance for any α > 0) and return sd·E, which is >= 0 by construction.
 */
class TruncatedNormal implements DistributionWithSupport {
  readonly kind = 'normal';
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  readonly mean: number;
  readonly variance: number;
  private readonly alpha: number;
  /** Robert's optimal rate (α + √(α² + 4))/2 and its excess over α, 2/(√(α² + 4) + α). */
  private readonly rate: number;
  private readonly shift: number;
  constructor(private readonly mu: number, private readonly sd: number) {
    const alpha = -mu / sd;
    this.alpha = alpha;
    this.shift = alpha > 0 ? 2 / (Math.hypot(alpha, 2) + alpha) : 0; // hypot: no overflow of α²
    this.rate = alpha + this.shift;
    if (alpha >= 3) {
      const [c1, c2] = millsTails(alpha);
      this.mean = sd * c1;
      this.variance = sd * sd * c1 * (c2 - c1);
    } else {
      const lambda = normalHazard(alpha);
      this.mean = alpha <= 0 ? mu + sd * lambda : sd * (lambda - alpha);
      // λ = 0 when α = −∞ (sd negligible next to mean): no truncation, and no 0·∞ = NaN.
      const cut = lambda === 0 ? 0 : lambda * (lambda - alpha);
      this.variance = sd * sd * Math.max(0, 1 - cut);
    }
  }
  sample(rng: RandomStream): number {
    if (this.alpha <= 0) {
      for (;;) {
        const x = this.mu + this.sd * standardNormal(rng);
        if (x >= 0) return x;
      }
    }
    for (;;) {
      const excess = -Math.log(1 - rng.next()) / this.rate;
      const d = excess - this.shift;
      if (rng.next() <= Math.exp(-0.5 * d * d)) return this.sd * excess;
    }
  }
}

/** Normal(mean, sd); with `truncateAtZero` conditioned on X >= 0 (times cannot be negative). */
export function normal(mean: number, sd: number, truncateAtZero: boolean): DistributionWithSupport {
  requireFinite('normal', 'mean', mean);
  requireNonNegative('normal', 'sd', sd);
  if (sd === 0) {
    if (truncateAtZero && mean < 0) {
      throw new DistributionError('normal', 'mean', mean, 'a finite number >= 0 when sd is 0 and truncate is true');
    }
    return constant(mean);
  }
  const d = truncateAtZero ? new TruncatedNormal(mean, sd) : new Normal(mean, sd);
  requireRepresentable('normal', 'sd', sd, d.mean, d.variance);
  return d;
}

class Lognormal implements DistributionWithSupport {
  readonly kind = 'lognormal';
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  constructor(private readonly mu: number, private readonly sigma: number, readonly mean: number, readonly variance: number) {}
  sample(rng: RandomStream): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }
}

/** exp(N(mu, sigma²)): mean e^{mu+σ²/2}, variance (e^{σ²} − 1)·e^{2mu+σ²}. */
export function lognormal(mu: number, sigma: number): DistributionWithSupport {
  requireFinite('lognormal', 'mu', mu);
  requireNonNegative('lognormal', 'sigma', sigma);
  const s2 = sigma * sigma;
  const mean = Math.exp(mu + s2 / 2);
  const variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
  requireRepresentable('lognormal', 'sigma', sigma, mean, variance);
  if (mean === 0) throw new DistributionError('lognormal', 'mu', mu, 'a number small enough in magnitude that the mean is > 0');
  return new Lognormal(mu, sigma, mean, variance);
}

/** Lognormal with the given mean and coefficient of variation (sd/mean); cv = 0 is a constant. */
export function lognormalMeanCv(mean: number, cv: number): DistributionWithSupport {
  requirePositive('lognormal', 'mean', mean);
  requireNonNegative('lognormal', 'cv', cv);
  const variance = (cv * mean) ** 2;
  requireRepresentable('lognormal', 'cv', cv, variance, cv * cv);
  const s2 = Math.log1p(cv * cv);
  // Report the mean and variance asked for, not their round trip through (mu, sigma).
  return new Lognormal(Math.log(mean) - s2 / 2, Math.sqrt(s2), mean, variance);
}
