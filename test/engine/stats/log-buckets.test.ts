/**
 * The bit-level bucket mapping: monotone, each value inside its own bucket, and the
 * representative within RELATIVE_ERROR of everything in the bucket, across the double range.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketIndex, bucketLower, bucketValue, MIN_NORMAL, RELATIVE_ERROR } from '../../../src/engine/stats/log-buckets.js';

const positive = fc.double({ min: MIN_NORMAL, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });

describe('log-linear buckets', () => {
  it('put each value in [lower, upper) of its bucket, within the relative error of its representative', () => {
    fc.assert(
      fc.property(positive, (x) => {
        const i = bucketIndex(x);
        const rep = bucketValue(i);
        const inside = bucketLower(i) <= x && x < bucketLower(i + 1);
        return inside && Math.abs(rep - x) <= RELATIVE_ERROR * x * (1 + 1e-12) + (bucketLower(i + 1) === Infinity ? x : 0);
      }),
      { numRuns: 20_000, seed: 42 },
    );
  });

  it('are monotone in the value', () => {
    fc.assert(fc.property(positive, positive, (a, b) => (a <= b ? bucketIndex(a) <= bucketIndex(b) : bucketIndex(a) >= bucketIndex(b))), { numRuns: 5_000, seed: 1 });
  });

  it('split each power of two into 128 equal buckets', () => {
    const i = bucketIndex(1);
    expect(bucketLower(i)).toBe(1);
    expect(bucketLower(i + 1)).toBe(1 + 1 / 128);
    expect(bucketLower(i + 128)).toBe(2);
    expect(bucketIndex(1.5)).toBe(i + 64);
    expect(bucketIndex(0.5)).toBe(i - 128);
    expect(bucketValue(i)).toBeCloseTo((2 * (1 + 1 / 128)) / (2 + 1 / 128), 15);
  });
});
