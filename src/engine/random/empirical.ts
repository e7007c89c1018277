/**
 * Empirical distributions: resampling observed values (optionally interpolating linearly
 * between order statistics) and histograms (a bin picked by weight, uniform inside it).
 * Samples are sorted first, so reordering the input never changes a run's draws.
 * Moments are those of the distribution actually sampled, computed around the mean.
 */
import type { RandomStream } from '../types.js';
import type { DistributionWithSupport } from './base.js';
import { AliasTable } from './alias.js';
import {
  ALLOWED, DistributionError, requireFiniteArray, requireNonNegative, requireRepresentable,
} from './errors.js';

class Resample implements DistributionWithSupport {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  readonly discrete: boolean;
  constructor(private readonly xs: Float64Array) {
    const n = xs.length;
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / n;
    let ss = 0;
    for (const x of xs) ss += (x - mean) * (x - mean);
    this.mean = mean;
    this.variance = ss / n;
    this.min = xs[0]!;
    this.max = xs[n - 1]!;
    this.discrete = xs.every(Number.isInteger);
  }
  sample(rng: RandomStream): number {
    const n = this.xs.length;
    return this.xs[Math.min(Math.floor(rng.next() * n), n - 1)]!;
  }
}

/**
 * Linear interpolation between order statistics: the CDF rises by 1/(n−1) across each gap
 * [x(i), x(i+1)], i.e. an equal-weight mixture of n−1 uniforms.
 */
class Interpolated implements DistributionWithSupport {
  readonly kind = 'empirical';
  readonly discrete = false;
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  constructor(private readonly xs: Float64Array) {
    const gaps = xs.length - 1;
    let sum = 0;
    for (let i = 0; i < gaps; i++) sum += (xs[i]! + xs[i + 1]!) / 2;
    const mean = sum / gaps;
    let ss = 0;
    for (let i = 0; i < gaps; i++) ss += segmentSecondMoment(xs[i]! - mean, xs[i + 1]! - mean);
    this.mean = mean;
    this.variance = ss / gaps;
    this.min = xs[0]!;
    this.max = xs[gaps]!;
  }
  sample(rng: RandomStream): number {
    const gaps = this.xs.length - 1;
    const pos = rng.next() * gaps;
    const i = Math.min(Math.floor(pos), gaps - 1);
    const a = this.xs[i]!;
    return a + (pos - i) * (this.xs[i + 1]! - a);
  }
}

/** E[Y²] for Y uniform on [a, b]. */
function segmentSecondMoment(a: number, b: number): number {
  return (a * a + a * b + b * b) / 3;
}

/** Resample `samples` (each equally likely), or interpolate between their order statistics. */
export function empiricalSamples(samples: readonly number[], interpolate = false): DistributionWithSupport {
  requireFiniteArray('empirical', 'samples', samples);
  const xs = Float64Array.from(samples).sort();
  const d = interpolate && xs.length > 1 ? new Interpolated(xs) : new Resample(xs);
  requireRepresentable('empirical', 'samples', samples, d.mean, d.variance);
  return d;
}

class Histogram implements DistributionWithSupport {
  readonly kind = 'empirical';
  readonly discrete = false;
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  private readonly bins: AliasTable;
  private readonly edges: Float64Array;
  constructor(edges: readonly number[], weights: readonly number[]) {
    this.edges = Float64Array.from(edges);
    this.bins = new AliasTable(weights);
    let total = 0, sum = 0;
    weights.forEach((w, i) => {
      total += w;
      sum += (w * (edges[i]! + edges[i + 1]!)) / 2;
    });
    const mean = sum / total;
    let ss = 0;
    weights.forEach((w, i) => (ss += w * segmentSecondMoment(edges[i]! - mean, edges[i + 1]! - mean)));
    this.mean = mean;
    this.variance = ss / total;
    this.min = edges[weights.findIndex((w) => w > 0)]!;
    this.max = edges[weights.findLastIndex((w) => w > 0) + 1]!;
  }
  sample(rng: RandomStream): number {
    const i = this.bins.pick(rng);
    const a = this.edges[i]!;
    return a + rng.next() * (this.edges[i + 1]! - a);
  }
}

/** A histogram: bin i spans [edges[i], edges[i+1]) and is chosen with weight weights[i]. */
export function empiricalHistogram(edges: readonly number[], weights: readonly number[]): DistributionWithSupport {
  requireFiniteArray('empirical', 'edges', edges);
  requireFiniteArray('empirical', 'weights', weights);
  if (edges.length !== weights.length + 1) {
    throw new DistributionError('empirical', 'edges', edges, `an array of weights.length + 1 = ${weights.length + 1} numbers`);
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i]! > edges[i - 1]!)) {
      throw new DistributionError('empirical', `edges[${i}]`, edges[i], `a number > edges[${i - 1}] = ${edges[i - 1]} (edges must increase strictly)`);
    }
  }
  weights.forEach((w, i) => requireNonNegative('empirical', `weights[${i}]`, w));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0 && total < Infinity)) {
    throw new DistributionError('empirical', 'weights', weights, ALLOWED.positiveSum);
  }
  const d = new Histogram(edges, weights);
  requireRepresentable('empirical', 'edges', edges, d.mean, d.variance);
  return d;
}
