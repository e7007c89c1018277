import { describe, expect, it } from 'vitest';
import { fullJitter } from '../../../../src/components/policies/backoff/full.js';
import { fixed, meanOf, seeded } from './helpers.js';

describe('full jitter', () => {
  it('scales the capped ceiling by one uniform draw', () => {
    expect(fullJitter(3, 0.1, 5, 0, fixed(0.25))).toBeCloseTo(0.2, 12);
    expect(fullJitter(10, 0.1, 5, 0, fixed(0.5))).toBe(2.5);
    expect(fullJitter(0, 0.1, 5, 0, fixed(0))).toBe(0);
  });

  it('is uniform on [0, ceiling): mean ceiling/2, never at or above the ceiling', () => {
    const r = seeded('full');
    let max = 0;
    const { mean, half } = meanOf(50_000, () => {
      const d = fullJitter(4, 0.1, 5, 0, r);
      max = Math.max(max, d);
      return d;
    });
    expect(Math.abs(mean - 0.8)).toBeLessThan(half);
    expect(max).toBeLessThan(1.6);
    expect(max).toBeGreaterThan(1.59);
  });

  it('spreads clients that failed together: no 10 ms bucket holds more than a few of 100 retries', () => {
    const r = seeded('spread');
    const buckets = new Map<number, number>();
    for (let c = 0; c < 100; c++) {
      const b = Math.floor(fullJitter(5, 0.1, 10, 0, r) / 0.01);
      buckets.set(b, (buckets.get(b) ?? 0) + 1);
    }
    // 100 draws over 320 buckets: P(some bucket >= 5) is about 1e-3
    expect(Math.max(...buckets.values())).toBeLessThan(5);
  });
});
