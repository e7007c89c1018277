/**
 * Replication confidence intervals: known data, n = 1, coverage of the true mean, and paired
 * intervals that find a planted difference hidden by the noise shared between the pairs.
 */
import { describe, expect, it } from 'vitest';
import { meanCI, pairedCI } from '../../../src/engine/stats/confidence.js';
import { normalSource, uniformSource } from './samples.js';

describe('meanCI', () => {
  it('gives mean ± t(0.975, 4) · sd / √5 on known data', () => {
    const ci = meanCI([1, 2, 3, 4, 5]);
    expect(ci.mean).toBe(3);
    expect(ci.n).toBe(5);
    expect(ci.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(ci.halfWidth).toBeCloseTo(2.776445 * Math.sqrt(2.5 / 5), 5); // t(0.975, 4) from tables
    expect(ci.lower).toBeCloseTo(3 - ci.halfWidth!, 14);
    expect(ci.upper).toBeCloseTo(3 + ci.halfWidth!, 14);
    expect(meanCI([1, 2, 3, 4, 5], 0.99).halfWidth).toBeCloseTo(4.604095 * Math.sqrt(0.5), 5);
    expect(ci.level).toBe(0.95);
  });

  it('has no spread to estimate from one replication: null, never NaN', () => {
    expect(meanCI([4.2])).toEqual({ mean: 4.2, halfWidth: null, lower: null, upper: null, n: 1, sd: null, level: 0.95 });
  });

  it('is a zero-width interval for identical values', () => {
    expect(meanCI([7, 7, 7])).toMatchObject({ mean: 7, sd: 0, halfWidth: 0, lower: 7, upper: 7 });
  });

  it('covers the true mean about 95% of the time with n = 5 (a z interval would give ~88%)', () => {
    const z = normalSource(99);
    let covered = 0;
    const trials = 4000;
    for (let i = 0; i < trials; i++) {
      const ci = meanCI(Array.from({ length: 5 }, () => 10 + 2 * z()));
      if (ci.lower! <= 10 && 10 <= ci.upper!) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.935);
    expect(covered / trials).toBeLessThan(0.965);
  });

  it('rejects bad input naming the parameter', () => {
    expect(() => meanCI([])).toThrow(/values must hold at least one value/);
    expect(() => meanCI([1, NaN])).toThrow(/values\[1\] must be a finite number, got NaN/);
    expect(() => meanCI([1, 2], 1)).toThrow(/level must be strictly between 0 and 1/);
    expect(() => meanCI([1, 2], 95)).toThrow(/level must be strictly between 0 and 1 \(e.g. 0.95\), got 95/);
  });
});

describe('pairedCI', () => {
  // Ten replications whose common random numbers swing the response far more than the
  // 0.5 s difference planted between the two alternatives.
  const u = uniformSource(5);
  const base = Array.from({ length: 10 }, () => 5 + 90 * u());
  const b = base;
  const a = base.map((x) => x + 0.5 + 0.05 * (u() - 0.5));

  it('detects a planted difference that separate intervals cannot', () => {
    const ci = pairedCI(a, b);
    expect(ci.lower!).toBeGreaterThan(0);
    expect(ci.lower!).toBeLessThan(0.5);
    expect(ci.upper!).toBeGreaterThan(0.5);
    const ca = meanCI(a);
    const cb = meanCI(b);
    expect(ca.lower!).toBeLessThan(cb.upper!); // unpaired intervals overlap
  });

  it('contains 0 for identical inputs', () => {
    const ci = pairedCI(b, b);
    expect(ci).toMatchObject({ mean: 0, halfWidth: 0, lower: 0, upper: 0, n: 10 });
  });

  it('rejects unpaired inputs', () => {
    expect(() => pairedCI([1, 2], [1])).toThrow(/a and b must pair up replication by replication, got lengths 2 and 1/);
    expect(() => pairedCI([1], [Infinity])).toThrow(/b\[0\] must be a finite number/);
    expect(() => pairedCI([Number.MAX_VALUE], [-Number.MAX_VALUE])).toThrow(/a - b\[0\] must be a finite number/);
  });
});
