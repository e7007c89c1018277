/**
 * Integer-valued distributions: Bernoulli (0/1), a uniform integer, and the "hot set" key
 * distribution (a fraction of the keys receives a fixed share of the traffic, as in the
 * 80/20 rule), all drawing a single uniform each.
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import {
  ALLOWED, DistributionError, requireInteger, requireOpenUnit, requireProbability,
} from './errors.js';

const MAX = Number.MAX_SAFE_INTEGER;

class Bernoulli implements DistributionWithSupport {
  readonly kind = 'bernoulli';
  readonly discrete = true;
  readonly min = 0;
  readonly max = 1;
  readonly variance: number;
  constructor(readonly mean: number) {
    this.variance = mean * (1 - mean);
  }
  sample(rng: RandomStream): number {
    return rng.next() < this.mean ? 1 : 0;
  }
}

/** 1 with probability p, else 0. */
export function bernoulli(p: number): DistributionWithSupport {
  return new Bernoulli(requireProbability('bernoulli', 'p', p));
}

class UniformInt implements DistributionWithSupport {
  readonly kind = 'uniform_int';
  readonly discrete = true;
  readonly mean: number;
  readonly variance: number;
  private readonly count: number;
  constructor(readonly min: number, readonly max: number) {
    this.count = max - min + 1;
    this.mean = min + (max - min) / 2;
    this.variance = (this.count * this.count - 1) / 12;
  }
  sample(rng: RandomStream): number {
    // Math.min guards the (rounding-only) case u·count == count.
    return this.min + Math.min(Math.floor(rng.next() * this.count), this.count - 1);
  }
}

/** Each integer in [min, max] equally likely (both ends included). */
export function uniformInt(min: number, max: number): DistributionWithSupport {
  requireInteger('uniform_int', 'min', min, -MAX, MAX, ALLOWED.safeInteger);
  requireInteger('uniform_int', 'max', max, min, MAX, `a safe integer >= min = ${min}`);
  if (max - min + 1 > MAX) {
    throw new DistributionError('uniform_int', 'max', max, `a safe integer with max − min < 2^53 − 1 (min = ${min})`);
  }
  return new UniformInt(min, max);
}

class Hotset implements DistributionWithSupport {
  readonly kind = 'hotset';
  readonly discrete = true;
  readonly min = 1;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  private readonly cold: number;
  constructor(n: number, private readonly hot: number, private readonly weight: number) {
    this.max = n;
    this.cold = n - hot;
    const mh = (1 + hot) / 2, vh = (hot * hot - 1) / 12;
    const mc = (hot + 1 + n) / 2, vc = (this.cold * this.cold - 1) / 12;
    const w = this.cold === 0 ? 1 : weight;
    this.mean = w * mh + (1 - w) * mc;
    this.variance = w * (vh + (mh - this.mean) ** 2) + (1 - w) * (vc + (mc - this.mean) ** 2);
    this.weight = w;
  }
  sample(rng: RandomStream): number {
    // One uniform: below `weight` it is rescaled to pick a hot key, above it a cold one.
    const u = rng.next();
    if (u < this.weight) return 1 + Math.min(Math.floor((u / this.weight) * this.hot), this.hot - 1);
    const v = (u - this.weight) / (1 - this.weight);
    return this.hot + 1 + Math.min(Math.floor(v * this.cold), this.cold - 1);
  }
}

/**
 * Keys 1..n where the first h = round(n·hotFraction) keys (clamped to [1, n−1]) receive a
 * share hotWeight of the draws, uniformly among them, and the rest share the remainder:
 * hotset(n, 0.2, 0.8) is the 80/20 rule. With n = 1 every draw is key 1.
 */
export function hotset(n: number, hotFraction: number, hotWeight: number): DistributionWithSupport {
  requireInteger('hotset', 'n', n, 1, MAX, ALLOWED.integerAtLeast1);
  requireOpenUnit('hotset', 'hot_fraction', hotFraction);
  requireProbability('hotset', 'hot_weight', hotWeight);
  const hot = n === 1 ? 1 : Math.min(n - 1, Math.max(1, Math.round(n * hotFraction)));
  return new Hotset(n, hot, hotWeight);
}
