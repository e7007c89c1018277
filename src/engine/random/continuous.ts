/**
 * Continuous distributions sampled by inversion of a closed-form CDF: one uniform per draw,
 * no allocation. Inversion uses 1 - u, which lies in (0, 1] for u in [0, 1), so log and
 * negative powers never see 0 even from a stream that can return 0.
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import { DistributionError, requireFinite, requirePositive, requireRepresentable } from './errors.js';
import { logGamma } from './special.js';

class Constant implements DistributionWithSupport {
  readonly kind = 'constant';
  readonly variance = 0;
  readonly discrete: boolean;
  readonly min: number;
  readonly max: number;
  constructor(readonly mean: number) {
    this.discrete = Number.isInteger(mean);
    this.min = this.max = mean;
  }
  sample(_rng: RandomStream): number {
    return this.mean;
  }
}

/** Always `value`; draws nothing from the stream. */
export function constant(value: number): DistributionWithSupport {
  return new Constant(requireFinite('constant', 'value', value));
}

class Uniform implements DistributionWithSupport {
  readonly kind = 'uniform';
  readonly discrete = false;
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(readonly min: number, readonly max: number) {
    this.width = max - min;
    this.mean = min + this.width / 2;
    this.variance = (this.width * this.width) / 12;
  }
  sample(rng: RandomStream): number {
    return this.min + this.width * rng.next();
  }
}

/** Uniform on [min, max); min = max is allowed (a constant). */
export function uniform(min: number, max: number): DistributionWithSupport {
  requireFinite('uniform', 'min', min);
  requireFinite('uniform', 'max', max);
  if (min > max) throw new DistributionError('uniform', 'max', max, `a finite number >= min = ${min}`);
  requireRepresentable('uniform', 'max', max, max - min);
  return new Uniform(min, max);
}

class Exponential implements DistributionWithSupport {
  readonly kind = 'exponential';
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * mean;
  }
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(1 - rng.next());
  }
}

/** Exponential with the given mean (seconds between Poisson arrivals, M/M/c service…). */
export function exponential(mean: number): DistributionWithSupport {
  requirePositive('exponential', 'mean', mean);
  requireRepresentable('exponential', 'mean', mean, mean * mean);
  return new Exponential(mean);
}

/** Exponential with the given rate (events per second); mean = 1 / rate. */
export function exponentialRate(rate: number): DistributionWithSupport {
  requirePositive('exponential', 'rate', rate);
  requireRepresentable('exponential', 'rate', rate, 1 / rate, 1 / (rate * rate));
  return new Exponential(1 / rate);
}

class Weibull implements DistributionWithSupport {
  readonly kind = 'weibull';
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  readonly mean: number;
  readonly variance: number;
  private readonly invShape: number;
  constructor(shape: number, private readonly scale: number) {
    this.invShape = 1 / shape;
    const g1 = Math.exp(logGamma(1 + 1 / shape));
    const g2 = Math.exp(logGamma(1 + 2 / shape));
    this.mean = scale * g1;
    this.variance = scale * scale * Math.max(0, g2 - g1 * g1);
  }
  sample(rng: RandomStream): number {
    // exp(k·log x) rather than Math.pow: same value to a few ulps, at half the cost in V8.
    return this.scale * Math.exp(this.invShape * Math.log(-Math.log(1 - rng.next())));
  }
}

/** Weibull(shape k, scale λ): mean λΓ(1+1/k), variance λ²(Γ(1+2/k) − Γ(1+1/k)²). */
export function weibull(shape: number, scale: number): DistributionWithSupport {
  requirePositive('weibull', 'shape', shape);
  requirePositive('weibull', 'scale', scale);
  const d = new Weibull(shape, scale);
  requireRepresentable('weibull', 'shape', shape, d.mean, d.variance);
  return d;
}

class Pareto implements DistributionWithSupport {
  readonly kind = 'pareto';
  readonly discrete = false;
  readonly max = Infinity;
  readonly mean: number;
  readonly variance: number;
  private readonly negInvAlpha: number;
  constructor(alpha: number, readonly min: number) {
    this.negInvAlpha = -1 / alpha;
    this.mean = alpha > 1 ? (alpha * min) / (alpha - 1) : Infinity;
    this.variance = alpha > 2 ? (min * min * alpha) / ((alpha - 1) * (alpha - 1) * (alpha - 2)) : Infinity;
  }
  sample(rng: RandomStream): number {
    return this.min * Math.exp(this.negInvAlpha * Math.log(1 - rng.next())); // faster than Math.pow
  }
}

/**
 * Pareto (type I) with tail index alpha and minimum xm: P(X > x) = (xm/x)^alpha.
 * The mean is Infinity for alpha <= 1 and the variance Infinity for alpha <= 2 — the
 * moments do not exist, and sample means never settle; that is the point of using it.
 */
export function pareto(alpha: number, xm: number): DistributionWithSupport {
  requirePositive('pareto', 'alpha', alpha);
  requirePositive('pareto', 'xm', xm);
  // The largest draw is xm·2^(53/alpha) (1 − u >= 2^-53); a tiny alpha would overflow it.
  if (!Number.isFinite(xm * Math.pow(2, 53 / alpha))) {
    throw new DistributionError('pareto', 'alpha', alpha, `large enough that the largest draw, xm·2^(53/alpha), is finite (xm = ${xm})`);
  }
  const d = new Pareto(alpha, xm);
  if (alpha > 1) requireRepresentable('pareto', 'xm', xm, d.mean);
  if (alpha > 2) requireRepresentable('pareto', 'xm', xm, d.variance);
  return d;
}
