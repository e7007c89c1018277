/**
 * Empirical distributions (resampling, interpolation between order statistics, histograms)
 * and mixtures: hand-computed exact moments, draw frequencies by chi-square, KS against
 * the piecewise-linear CDFs, and order-independence of the input samples.
 */
import { describe, expect, it } from 'vitest';
import { AliasTable } from '../../../src/engine/random/alias.js';
import { constant, exponential, pareto } from '../../../src/engine/random/continuous.js';
import { empiricalHistogram, empiricalSamples } from '../../../src/engine/random/empirical.js';
import { mixture } from '../../../src/engine/random/mixture.js';
import { createStream } from '../../../src/engine/random/streams.js';
import { CHI2_0_001, KS_CRITICAL_0_001, chiSquare, draw, expectMoments, ksScaled, range } from './stat-helpers.js';

const N = 200_000;

function counts(xs: Float64Array, values: number[]): number[] {
  return values.map((v) => xs.filter((x) => x === v).length);
}

describe('empirical samples', () => {
  it('resamples each observation with equal probability', () => {
    const d = empiricalSamples([3, 1, 2, 2, 10]);
    expect(d.mean).toBeCloseTo(3.6, 14);
    expect(d.variance).toBeCloseTo(10.64, 13);
    expect([d.min, d.max, d.discrete]).toEqual([1, 10, true]);
    const xs = draw(d, createStream(1, 'emp'), N);
    expectMoments(d, xs);
    const c = counts(xs, [1, 2, 3, 10]);
    expect(c.reduce((a, b) => a + b)).toBe(N);
    expect(chiSquare(c, [0.2, 0.4, 0.2, 0.2])).toBeLessThan(CHI2_0_001[3]!);
  });

  it('does not depend on the order of the samples', () => {
    const a = draw(empiricalSamples([3, 1, 2, 2, 10]), createStream(1, 'o'), 100);
    const b = draw(empiricalSamples([10, 2, 1, 3, 2]), createStream(1, 'o'), 100);
    expect(b).toEqual(a);
  });

  it('interpolates linearly between order statistics', () => {
    const d = empiricalSamples([3, 0, 1], true);
    expect(d.mean).toBeCloseTo(1.25, 14);
    expect(d.variance).toBeCloseTo(14 / 6 - 1.25 ** 2, 14);
    expect([d.min, d.max, d.discrete]).toEqual([0, 3, false]);
    const xs = draw(d, createStream(1, 'interp'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => (x <= 1 ? x / 2 : 0.5 + (x - 1) / 4))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('with a single sample is that constant, interpolated or not', () => {
    const d = empiricalSamples([4], true);
    expect([d.mean, d.variance, d.sample(createStream(1, 'x'))]).toEqual([4, 0, 4]);
  });
});

describe('empirical histogram', () => {
  it('picks bins by weight and is uniform within a bin', () => {
    const d = empiricalHistogram([0, 1, 2, 4], [1, 0, 3]);
    expect(d.mean).toBeCloseTo(2.375, 14);
    expect(d.variance).toBeCloseTo(0.25 / 3 + 7 - 2.375 ** 2, 14);
    const xs = draw(d, createStream(2, 'hist'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => (x <= 1 ? 0.25 * x : x <= 2 ? 0.25 : 0.25 + 0.375 * (x - 2)))).toBeLessThan(KS_CRITICAL_0_001);
    expect(xs.some((x) => x > 1 && x < 2)).toBe(false);
  });

  it('reports the support of the bins that have weight', () => {
    const d = empiricalHistogram([0, 1, 2, 3, 4], [0, 2, 1, 0]);
    expect([d.min, d.max]).toEqual([1, 3]);
    const [lo, hi] = range(draw(d, createStream(2, 'support'), 10_000));
    expect(lo).toBeGreaterThanOrEqual(1);
    expect(hi).toBeLessThan(3);
  });
});

describe('alias table', () => {
  it('picks outcomes in proportion to weight and never a zero-weight one', () => {
    const t = new AliasTable([1, 2, 3, 4, 0]);
    const rng = createStream(3, 'alias');
    const c = [0, 0, 0, 0, 0];
    for (let i = 0; i < N; i++) c[t.pick(rng)]!++;
    expect(c[4]).toBe(0);
    expect(chiSquare(c.slice(0, 4), [0.1, 0.2, 0.3, 0.4])).toBeLessThan(CHI2_0_001[3]!);
  });
});

describe('mixture', () => {
  it('has the law-of-total-variance moments and samples them', () => {
    const d = mixture([{ weight: 9, dist: exponential(1) }, { weight: 1, dist: constant(5) }]);
    expect(d.mean).toBeCloseTo(1.4, 14);
    expect(d.variance).toBeCloseTo(0.9 * (1 + 0.16) + 0.1 * 12.96, 14);
    expect([d.min, d.max, d.discrete]).toEqual([0, Infinity, false]);
    const xs = draw(d, createStream(4, 'mix'), N);
    expectMoments(d, xs);
    const fives = xs.filter((x) => x === 5).length;
    expect(Math.abs(fives / N - 0.1)).toBeLessThan(5 * Math.sqrt(0.09 / N));
  });

  it('propagates infinite moments of components with weight, and ignores weightless ones', () => {
    const heavy = mixture([{ weight: 1, dist: exponential(1) }, { weight: 1, dist: pareto(1.5, 1) }]);
    expect([heavy.mean, heavy.variance]).toEqual([2, Infinity]);
    const noMean = mixture([{ weight: 1, dist: exponential(1) }, { weight: 1, dist: pareto(0.8, 1) }]);
    expect([noMean.mean, noMean.variance]).toEqual([Infinity, Infinity]);
    const unused = mixture([{ weight: 1, dist: exponential(2) }, { weight: 0, dist: pareto(0.5, 1) }]);
    expect([unused.mean, unused.variance]).toEqual([2, 4]);
  });
});
