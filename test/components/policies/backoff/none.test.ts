import { describe, expect, it } from 'vitest';
import { noJitter } from '../../../../src/components/policies/backoff/none.js';
import { exponentialCeiling } from '../../../../src/components/policies/backoff/policy.js';
import { fixed } from './helpers.js';

describe('no jitter (exponential with cap)', () => {
  it('doubles from base and stops at cap', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 7].map((a) => noJitter(a, 0.1, 5, 0, fixed(0.5)));
    expect(delays.map((d) => Math.round(d * 1e9) / 1e9)).toEqual([0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5, 5]);
  });

  it('never overflows: a huge attempt gives the cap, a zero base gives 0 (not NaN)', () => {
    expect(exponentialCeiling(5000, 0.1, 30)).toBe(30);
    expect(exponentialCeiling(5000, 0, 0)).toBe(0);
    expect(exponentialCeiling(1023, 1e-300, 7)).toBe(7);
  });

  it('names the bad argument', () => {
    expect(() => noJitter(-1, 1, 2, 0, fixed(0))).toThrow(/attempt must be an integer >= 0 \(got -1\)/);
    expect(() => noJitter(1.5, 1, 2, 0, fixed(0))).toThrow(/attempt/);
    expect(() => noJitter(0, -1, 2, 0, fixed(0))).toThrow(/base must be .* \(got -1\)/);
    expect(() => noJitter(0, 2, 1, 0, fixed(0))).toThrow(/cap must be finite and >= base \(2\) \(got 1\)/);
    expect(() => noJitter(0, 1, Infinity, 0, fixed(0))).toThrow(/cap/);
  });
});
