/**
 * Gamma (Marsaglia–Tsang, with the shape < 1 boost) and Erlang: exact moments, 200k-draw
 * moment checks and KS against the regularised incomplete gamma function.
 */
import { describe, expect, it } from 'vitest';
import { erlang, gamma, gammaMeanCv } from '../../../src/engine/random/gamma.js';
import { createStream } from '../../../src/engine/random/streams.js';
import { KS_CRITICAL_0_001, draw, expectMoments, gammaP, ksScaled } from './stat-helpers.js';

const N = 200_000;

describe('gamma', () => {
  it.each([[0.3, 2], [1, 1], [2.5, 0.4], [40, 0.1]])('shape %d scale %d: moments and KS', (shape, scale) => {
    const d = gamma(shape, scale);
    expect(d.mean).toBeCloseTo(shape * scale, 14);
    expect(d.variance).toBeCloseTo(shape * scale * scale, 14);
    const xs = draw(d, createStream(1, `gamma-${shape}`), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => gammaP(shape, x / scale))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('by (mean, cv) has shape 1/cv² and reports the requested mean and variance', () => {
    const d = gammaMeanCv(0.05, 2);
    expect([d.mean, d.variance]).toEqual([0.05, (2 * 0.05) ** 2]);
    const xs = draw(d, createStream(1, 'gamma-cv'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => gammaP(0.25, x / (0.05 * 4)))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('keeps tiny shapes inside the support (draws may underflow to 0, never NaN)', () => {
    const xs = draw(gamma(0.001, 1), createStream(1, 'tiny'), 10_000);
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });
});

describe('erlang', () => {
  it.each([[1, 2], [3, 0.3], [8, 1], [20, 5]])('k %d mean %d: moments and KS (product and Marsaglia–Tsang paths)', (k, mean) => {
    const d = erlang(k, mean);
    expect(d.kind).toBe('erlang');
    expect(d.mean).toBe(mean);
    expect(d.variance).toBeCloseTo((mean * mean) / k, 14);
    const xs = draw(d, createStream(2, `erlang-${k}`), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => gammaP(k, (x * k) / mean))).toBeLessThan(KS_CRITICAL_0_001);
  });
});
