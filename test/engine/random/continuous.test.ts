/**
 * Inversion-sampled distributions: constant, uniform, exponential, Weibull, Pareto.
 * Sample moments of 200k draws within 5 standard errors of the exact ones, KS against the
 * exact CDF, and the extreme uniforms 0 and 1 − 2^-53 mapped to finite, untruncated tails.
 */
import { describe, expect, it } from 'vitest';
import { constant, exponential, exponentialRate, pareto, uniform, weibull } from '../../../src/engine/random/continuous.js';
import { createStream } from '../../../src/engine/random/streams.js';
import type { RandomStream } from '../../../src/engine/types.js';
import { KS_CRITICAL_0_001, draw, expectMoments, ksScaled, range } from './stat-helpers.js';

const N = 200_000;
const fixed = (u: number): RandomStream => ({ name: 'fixed', next: () => u });
const LARGEST_U = 1 - 2 ** -53;

describe('constant', () => {
  it('always returns its value and draws nothing', () => {
    let calls = 0;
    const counting: RandomStream = { name: 'c', next: () => (calls++, 0.5) };
    const d = constant(2.5);
    expect([d.sample(counting), d.mean, d.variance, d.min, d.max, d.discrete]).toEqual([2.5, 2.5, 0, 2.5, 2.5, false]);
    expect(calls).toBe(0);
    expect(constant(3).discrete).toBe(true);
  });
});

describe('uniform', () => {
  it('has mean (a+b)/2 and variance (b−a)²/12, and a flat CDF', () => {
    const d = uniform(2, 5);
    expect([d.mean, d.variance]).toEqual([3.5, 0.75]);
    const xs = draw(d, createStream(1, 'uniform'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => (x - 2) / 3)).toBeLessThan(KS_CRITICAL_0_001);
    const [lo, hi] = range(xs);
    expect(lo).toBeGreaterThanOrEqual(2);
    expect(hi).toBeLessThan(5);
  });
});

describe('exponential', () => {
  it('by mean: moments and KS', () => {
    const d = exponential(0.25);
    expect([d.mean, d.variance]).toEqual([0.25, 0.0625]);
    const xs = draw(d, createStream(1, 'exp'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => 1 - Math.exp(-x / 0.25))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('by rate is the same distribution with mean 1/rate', () => {
    const d = exponentialRate(4);
    expect([d.mean, d.variance]).toEqual([0.25, 0.0625]);
    expect(draw(d, createStream(1, 'exp'), 10)).toEqual(draw(exponential(0.25), createStream(1, 'exp'), 10));
  });

  it('reaches 36.7 means at the largest uniform (53-bit resolution) and 0 at u = 0', () => {
    expect(exponential(1).sample(fixed(LARGEST_U))).toBeCloseTo(53 * Math.LN2, 10);
    expect(exponential(1).sample(fixed(0))).toBe(-0);
  });
});

describe('weibull', () => {
  it.each([[0.7, 2], [1.5, 1], [3, 0.5]])('shape %d scale %d: moments and KS', (k, lambda) => {
    const d = weibull(k, lambda);
    const xs = draw(d, createStream(2, `weibull-${k}`), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => 1 - Math.exp(-Math.pow(x / lambda, k)))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('with shape 1 is exponential, and shape 2 has mean λ√π/2', () => {
    const e = weibull(1, 3);
    expect(e.mean).toBeCloseTo(3, 13);
    expect(e.variance).toBeCloseTo(9, 12);
    expect(weibull(2, 1).mean).toBeCloseTo(Math.sqrt(Math.PI) / 2, 14);
    expect(weibull(2, 1).variance).toBeCloseTo(1 - Math.PI / 4, 14);
  });
});

describe('pareto', () => {
  it('alpha 5: moments and KS', () => {
    const d = pareto(5, 2);
    expect(d.mean).toBe(2.5);
    expect(d.variance).toBeCloseTo((4 * 5) / (16 * 3), 14);
    const xs = draw(d, createStream(3, 'pareto'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => 1 - Math.pow(2 / x, 5))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('reports Infinity where moments do not exist (mean for alpha <= 1, variance for alpha <= 2)', () => {
    expect([pareto(1, 1).mean, pareto(1, 1).variance]).toEqual([Infinity, Infinity]);
    expect([pareto(0.5, 1).mean, pareto(0.5, 1).variance]).toEqual([Infinity, Infinity]);
    expect([pareto(1.5, 1).mean, pareto(1.5, 1).variance]).toEqual([3, Infinity]);
    expect([pareto(2, 1).mean, pareto(2, 1).variance]).toEqual([2, Infinity]);
  });

  it('alpha 1.5 still matches its CDF, and its tail reaches xm·2^(53/alpha)', () => {
    const xs = draw(pareto(1.5, 1), createStream(3, 'pareto-heavy'), N);
    expect(ksScaled(xs, (x) => 1 - Math.pow(1 / x, 1.5))).toBeLessThan(KS_CRITICAL_0_001);
    expect(pareto(1.5, 1).sample(fixed(LARGEST_U))).toBeCloseTo(2 ** (53 / 1.5), -5);
    expect(pareto(1.5, 1).sample(fixed(0))).toBe(1);
  });
});
