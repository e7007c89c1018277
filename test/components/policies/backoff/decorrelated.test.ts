import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_POLICIES, JITTER_KINDS } from '../../../../src/components/policies/backoff/index.js';
import { decorrelatedJitter } from '../../../../src/components/policies/backoff/decorrelated.js';
import { fixed, meanOf, seeded } from './helpers.js';

describe('decorrelated jitter', () => {
  it('draws uniformly between base and three times the previous delay', () => {
    expect(decorrelatedJitter(0, 1, 100, 1, fixed(0))).toBe(1);
    expect(decorrelatedJitter(0, 1, 100, 1, fixed(0.5))).toBe(2);
    expect(decorrelatedJitter(4, 1, 100, 10, fixed(0.5))).toBe(15.5);
    // a previous below base counts as base
    expect(decorrelatedJitter(0, 1, 100, 0, fixed(0.5))).toBe(2);
  });

  it('grows at most threefold per retry and stops at the cap', () => {
    let d = 0.1;
    const seq: number[] = [];
    for (let a = 0; a < 8; a++) seq.push((d = decorrelatedJitter(a, 0.1, 5, d, fixed(1))));
    expect(seq.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.3, 0.9, 2.7, 5, 5, 5, 5, 5]);
  });

  it('has mean (base + 3·previous)/2 below the cap', () => {
    const r = seeded('decorrelated');
    const { mean, half } = meanOf(50_000, () => decorrelatedJitter(2, 1, 1000, 4, r));
    expect(Math.abs(mean - 6.5)).toBeLessThan(half);
  });
});

describe('every policy', () => {
  it('gives a finite delay in [0, cap] for any valid arguments', () => {
    const r = seeded('property');
    fc.assert(fc.property(
      fc.constantFrom(...JITTER_KINDS),
      fc.integer({ min: 0, max: 5000 }),
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 1000, noNaN: true }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
      (kind, attempt, base, extra, previous) => {
        const d = BACKOFF_POLICIES[kind](attempt, base, base + extra, previous, r);
        return Number.isFinite(d) && d >= 0 && d <= base + extra;
      },
    ));
  });
});
