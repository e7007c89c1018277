/**
 * Gamma and Erlang. Gamma uses Marsaglia & Tsang (2000): a normal and a uniform per try,
 * ≥ 95% acceptance for shape >= 1; for shape < 1 it samples shape + 1 and multiplies by
 * U^(1/shape) (their "boost"). Erlang with small k multiplies k uniforms: one log per draw.
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import { ALLOWED, requireInteger, requirePositive, requireRepresentable } from './errors.js';
import { standardNormal } from './normal.js';

/** One Gamma(shape, 1) draw by Marsaglia–Tsang with precomputed d = a − 1/3, c = 1/√(9d). */
function marsagliaTsang(rng: RandomStream, d: number, c: number): number {
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

class Gamma implements DistributionWithSupport {
  readonly kind: string;
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  private readonly d: number;
  private readonly c: number;
  private readonly boost: boolean;
  constructor(kind: string, private readonly shape: number, private readonly scale: number, readonly mean: number, readonly variance: number) {
    this.kind = kind;
    this.boost = shape < 1;
    this.d = (this.boost ? shape + 1 : shape) - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
  }
  sample(rng: RandomStream): number {
    const g = marsagliaTsang(rng, this.d, this.c);
    if (!this.boost) return this.scale * g;
    // U^(1/shape) as exp(log U / shape): faster than Math.pow, and dividing (not multiplying
    // by 1/shape, which is ∞ for subnormal shapes) keeps U = 1 at 1 rather than NaN. Boost
    // before scaling: scale·g may overflow where the boosted product does not.
    return this.scale * (g * Math.exp(Math.log(1 - rng.next()) / this.shape));
  }
}

/** Gamma(shape, scale): mean shape·scale, variance shape·scale². */
export function gamma(shape: number, scale: number): DistributionWithSupport {
  requirePositive('gamma', 'shape', shape);
  requirePositive('gamma', 'scale', scale);
  const mean = shape * scale;
  const variance = mean * scale;
  requireRepresentable('gamma', 'scale', scale, mean, variance);
  return new Gamma('gamma', shape, scale, mean, variance);
}

/** Gamma with the given mean and cv (shape = 1/cv², scale = mean·cv²); cv = 1 is exponential. */
export function gammaMeanCv(mean: number, cv: number): DistributionWithSupport {
  requirePositive('gamma', 'mean', mean);
  requirePositive('gamma', 'cv', cv);
  const variance = (cv * mean) ** 2;
  const shape = 1 / (cv * cv);
  requireRepresentable('gamma', 'cv', cv, variance, shape, cv * cv);
  return new Gamma('gamma', shape, mean * cv * cv, mean, variance);
}

/** Above this k the product of uniforms costs more than Marsaglia–Tsang (and could underflow). */
const ERLANG_PRODUCT_MAX_K = 8;

class ErlangSmall implements DistributionWithSupport {
  readonly kind = 'erlang';
  readonly discrete = false;
  readonly min = 0;
  readonly max = Infinity;
  readonly variance: number;
  private readonly scale: number;
  constructor(private readonly k: number, readonly mean: number) {
    this.scale = mean / k;
    this.variance = mean * this.scale;
  }
  sample(rng: RandomStream): number {
    let p = 1;
    for (let i = 0; i < this.k; i++) p *= 1 - rng.next();
    return -this.scale * Math.log(p);
  }
}

/** Erlang(k, mean): the sum of k exponentials with mean mean/k; variance mean²/k. */
export function erlang(k: number, mean: number): DistributionWithSupport {
  requireInteger('erlang', 'k', k, 1, Number.MAX_SAFE_INTEGER, ALLOWED.integerAtLeast1);
  requirePositive('erlang', 'mean', mean);
  const scale = mean / k;
  requireRepresentable('erlang', 'mean', mean, mean * scale);
  if (k <= ERLANG_PRODUCT_MAX_K) return new ErlangSmall(k, mean);
  return new Gamma('erlang', k, scale, mean, mean * scale);
}
