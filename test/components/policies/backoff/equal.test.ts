import { describe, expect, it } from 'vitest';
import { equalJitter } from '../../../../src/components/policies/backoff/equal.js';
import { fixed, meanOf, seeded } from './helpers.js';

describe('equal jitter', () => {
  it('is half the ceiling plus a uniform share of the other half', () => {
    expect(equalJitter(2, 0.1, 5, 0, fixed(0))).toBeCloseTo(0.2, 12);
    expect(equalJitter(2, 0.1, 5, 0, fixed(0.5))).toBeCloseTo(0.3, 12);
    expect(equalJitter(20, 0.1, 5, 0, fixed(0.5))).toBe(3.75);
  });

  it('lies in [ceiling/2, ceiling) with mean 3/4 of the ceiling', () => {
    const r = seeded('equal');
    let lo = Infinity;
    let hi = 0;
    const { mean, half } = meanOf(50_000, () => {
      const d = equalJitter(3, 0.5, 60, 0, r);
      lo = Math.min(lo, d);
      hi = Math.max(hi, d);
      return d;
    });
    expect(lo).toBeGreaterThanOrEqual(2);
    expect(hi).toBeLessThan(4);
    expect(Math.abs(mean - 3)).toBeLessThan(half);
  });
});
