/**
 * Bernoulli, uniform integers and the hot-set key distribution: exact moments, frequencies
 * of every outcome by chi-square against the exact pmf, and the edge cases of each.
 */
import { describe, expect, it } from 'vitest';
import { bernoulli, hotset, uniformInt } from '../../../src/engine/random/discrete.js';
import { createStream } from '../../../src/engine/random/streams.js';
import { CHI2_0_001, chiSquare, draw, expectMoments } from './stat-helpers.js';

const N = 200_000;

/** Counts of the integers lo..hi among xs, plus how many fell outside. */
function tally(xs: Float64Array, lo: number, hi: number): { counts: number[]; outside: number } {
  const counts = new Array<number>(hi - lo + 1).fill(0);
  let outside = 0;
  for (const x of xs) {
    if (Number.isInteger(x) && x >= lo && x <= hi) counts[x - lo]!++;
    else outside++;
  }
  return { counts, outside };
}

describe('bernoulli', () => {
  it('is 1 with probability p', () => {
    const d = bernoulli(0.3);
    expect([d.mean, d.variance, d.min, d.max, d.discrete]).toEqual([0.3, 0.3 * 0.7, 0, 1, true]);
    const xs = draw(d, createStream(1, 'b'), N);
    expectMoments(d, xs);
    const { counts, outside } = tally(xs, 0, 1);
    expect(outside).toBe(0);
    expect(chiSquare(counts, [0.7, 0.3])).toBeLessThan(CHI2_0_001[1]!);
  });

  it('with p = 0 or 1 is constant', () => {
    expect(draw(bernoulli(0), createStream(1, 'b0'), 1000).every((x) => x === 0)).toBe(true);
    expect(draw(bernoulli(1), createStream(1, 'b1'), 1000).every((x) => x === 1)).toBe(true);
  });
});

describe('uniformInt', () => {
  it('gives each integer in [min, max] equal probability, both ends included', () => {
    const d = uniformInt(-2, 7);
    expect([d.mean, d.variance]).toEqual([2.5, 99 / 12]);
    const xs = draw(d, createStream(2, 'ui'), N);
    expectMoments(d, xs);
    const { counts, outside } = tally(xs, -2, 7);
    expect(outside).toBe(0);
    expect(chiSquare(counts, new Array(10).fill(0.1))).toBeLessThan(CHI2_0_001[9]!);
  });

  it('handles a single value and ranges near 2^53', () => {
    expect(draw(uniformInt(5, 5), createStream(2, 'one'), 100).every((x) => x === 5)).toBe(true);
    const big = uniformInt(0, 2 ** 53 - 2);
    const xs = draw(big, createStream(2, 'big'), 10_000);
    expect(xs.every((x) => Number.isSafeInteger(x) && x >= 0 && x <= 2 ** 53 - 2)).toBe(true);
  });
});

describe('hotset', () => {
  it('gives hot_weight of the draws to the first hot_fraction of keys (80/20)', () => {
    const d = hotset(100, 0.2, 0.8);
    expect([d.min, d.max, d.mean]).toEqual([1, 100, 20.5]);
    expect(d.variance).toBeCloseTo(533.25, 12);
    const xs = draw(d, createStream(3, 'hot'), N);
    expectMoments(d, xs);
    const { counts, outside } = tally(xs, 1, 100);
    expect(outside).toBe(0);
    const pmf = Array.from({ length: 100 }, (_, i) => (i < 20 ? 0.8 / 20 : 0.2 / 80));
    expect(chiSquare(counts, pmf)).toBeLessThan(CHI2_0_001[99]!);
  });

  it('keeps at least one hot and one cold key, and n = 1 always draws key 1', () => {
    const tiny = hotset(10, 0.01, 0.5); // round(0.1) = 0 hot keys → clamped to 1
    expect(tiny.mean).toBeCloseTo(0.5 * 1 + 0.5 * 6, 14);
    const most = hotset(10, 0.99, 0.5); // round(9.9) = 10 → clamped to 9
    expect(most.mean).toBeCloseTo(0.5 * 5 + 0.5 * 10, 14);
    const one = hotset(1, 0.5, 0.3);
    expect([one.mean, one.variance]).toEqual([1, 0]);
    expect(draw(one, createStream(3, 'one'), 100).every((x) => x === 1)).toBe(true);
  });
});
