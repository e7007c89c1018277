/**
 * Zipf by rejection-inversion: for n = 10 the frequency of every rank matches the exact
 * pmf (chi-square) for s below, at and above 1; for n = 10^8 draws stay in [1, n] and
 * their mean matches the exact mean, which is computed without a loop over n.
 */
import { describe, expect, it } from 'vitest';
import { harmonic } from '../../../src/engine/random/harmonic.js';
import { createStream } from '../../../src/engine/random/streams.js';
import { zipf } from '../../../src/engine/random/zipf.js';
import { CHI2_0_001, chiSquare, draw, expectMoments, moments } from './stat-helpers.js';

const N = 200_000;

function pmf(s: number, n: number): number[] {
  const w = Array.from({ length: n }, (_, i) => Math.pow(i + 1, -s));
  const total = w.reduce((a, b) => a + b);
  return w.map((x) => x / total);
}

describe('zipf, small n', () => {
  it.each([1.1, 0.8, 1, 3, 0.2])('n = 10, s = %d: rank frequencies match the exact pmf', (s) => {
    const d = zipf(s, 10);
    const p = pmf(s, 10);
    expect(d.mean).toBeCloseTo(p.reduce((a, pk, i) => a + pk * (i + 1), 0), 13);
    expect(d.variance).toBeCloseTo(p.reduce((a, pk, i) => a + pk * (i + 1 - d.mean) ** 2, 0), 12);
    const xs = draw(d, createStream(1, `zipf-${s}`), N);
    const counts = new Array<number>(10).fill(0);
    let outside = 0;
    for (const x of xs) {
      if (Number.isInteger(x) && x >= 1 && x <= 10) counts[x - 1]!++;
      else outside++;
    }
    expect(outside).toBe(0);
    expect(chiSquare(counts, p)).toBeLessThan(CHI2_0_001[9]!);
    expectMoments(d, xs);
  });

  it('n = 1 always draws rank 1', () => {
    const d = zipf(1.2, 1);
    expect([d.mean, d.variance]).toEqual([1, 0]);
    expect(draw(d, createStream(1, 'z1'), 1000).every((x) => x === 1)).toBe(true);
  });

  it('n = 1000, s = 1.1: sample moments match', () => {
    const d = zipf(1.1, 1000);
    expectMoments(d, draw(d, createStream(1, 'z1000'), N));
  });
});

describe('zipf, n = 10^8 (no table)', () => {
  it.each([1.1, 0.8])('s = %d: draws are integers in [1, n] with the exact mean', (s) => {
    const n = 1e8;
    const d = zipf(s, n);
    expect(d.mean).toBeCloseTo(harmonic(n, s - 1) / harmonic(n, s), 6);
    const xs = draw(d, createStream(2, `zipf-big-${s}`), N);
    expect(xs.every((x) => Number.isInteger(x) && x >= 1 && x <= n)).toBe(true);
    expectMoments(d, xs, 5, false);
    // The variance estimate needs far more draws for a 10^8-wide support; check it loosely.
    expect(Math.abs(moments(xs).variance / d.variance - 1)).toBeLessThan(0.05);
  });

  it('s = 1 and s = 2: the exact mean equals closed forms (H(n,0) = n, H(n,1) ~ ln n + γ)', () => {
    const n = 1e8;
    const h1 = Math.log(n) + 0.5772156649015329 + 1 / (2 * n);
    const h2 = Math.PI ** 2 / 6 - 1 / n + 1 / (2 * n * n);
    expect(Math.abs(zipf(1, n).mean / (n / h1) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(zipf(2, n).mean / (h1 / h2) - 1)).toBeLessThan(1e-14);
  });
});
