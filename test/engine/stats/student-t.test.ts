/**
 * Student t and normal quantiles against published tables, the t CDF against closed forms for
 * df 1-3, and quantile/CDF round trips across df and p.
 */
import { describe, expect, it } from 'vitest';
import { logGamma, tCdf, tQuantile } from '../../../src/engine/stats/student-t.js';
import { normalQuantile } from '../../../src/engine/stats/normal.js';

describe('tQuantile', () => {
  it('matches the 3-decimal textbook table', () => {
    const t975: Array<[number, number]> = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [30, 2.042], [Infinity, 1.96]];
    const t995: Array<[number, number]> = [[1, 63.657], [2, 9.925], [5, 4.032], [10, 3.169], [30, 2.75], [Infinity, 2.576]];
    for (const [df, t] of t975) expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
    for (const [df, t] of t995) expect(tQuantile(0.995, df)).toBeCloseTo(t, 3);
  });

  it('matches 6-decimal reference values, one- and two-sided', () => {
    const table: Array<[number, number, number]> = [
      [0.975, 1, 12.706205], [0.975, 2, 4.302653], [0.975, 5, 2.570582], [0.975, 10, 2.228139], [0.975, 30, 2.042272],
      [0.995, 1, 63.656741], [0.995, 2, 9.924843], [0.995, 5, 4.032143], [0.995, 10, 3.169273], [0.995, 30, 2.749996],
      [0.95, 1, 6.313752], [0.9, 3, 1.637744], [0.999, 4, 7.173182],
    ];
    for (const [p, df, t] of table) {
      expect(tQuantile(p, df)).toBeCloseTo(t, 5);
      expect(tQuantile(1 - p, df)).toBeCloseTo(-t, 5);
    }
    expect(tQuantile(0.5, 7)).toBe(0);
  });

  it('inverts the CDF for fractional, small and large df, deep into the tails', () => {
    for (const df of [0.5, 1, 2, 3, 7.5, 30, 100, 1000, 9000]) {
      for (const p of [1e-10, 1e-4, 0.025, 0.3, 0.7, 0.975, 0.9999]) {
        const t = tQuantile(p, df);
        const tail = Math.min(p, 1 - p);
        const cdf = tCdf(t, df);
        expect(Math.abs(Math.min(cdf, 1 - cdf) - tail) / tail).toBeLessThan(1e-9);
      }
    }
  });

  it('approaches the normal quantile as df grows, continuously across the expansion switch at 1e4', () => {
    const z = normalQuantile(0.975);
    let previous = Infinity;
    for (const df of [10, 100, 1e3, 1e4, 1e5, 1e7]) {
      const t = tQuantile(0.975, df);
      expect(t).toBeGreaterThan(z);
      expect(t).toBeLessThan(previous);
      previous = t;
    }
    expect(tQuantile(0.975, 1e7) - z).toBeLessThan(1e-6);
    expect(Math.abs(tQuantile(0.975, 1e4) - tQuantile(0.975, 1e4 * (1 + 1e-12)))).toBeLessThan(1e-10);
  });

  it('rejects p outside (0, 1) and df <= 0, naming them', () => {
    for (const p of [0, 1, -0.1, NaN]) expect(() => tQuantile(p, 5)).toThrow(/p must be a probability strictly between 0 and 1/);
    for (const df of [0, -3, NaN]) expect(() => tQuantile(0.9, df)).toThrow(/df must be a number of degrees of freedom > 0/);
  });
});

describe('tCdf', () => {
  it('matches the closed forms for df 1, 2 and 3', () => {
    for (const t of [-50, -3, -1, -0.2, 0, 0.5, 2, 12.7, 400]) {
      const theta = Math.atan(t / Math.sqrt(3));
      expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(tCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
      expect(tCdf(t, 3)).toBeCloseTo(0.5 + (theta + Math.sin(theta) * Math.cos(theta)) / Math.PI, 13);
    }
  });

  it('rejects infinite df (use the normal distribution)', () => {
    expect(() => tCdf(1, Infinity)).toThrow(/df must be a finite number > 0/);
  });
});

describe('normalQuantile', () => {
  it('matches known values to 1e-14 and is symmetric', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 14);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 13); // Φ(1)
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [2 ** -40, 1 / 64, 0.25]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 12); // 1 - p exact
    const deep = normalQuantile(1e-300);
    expect(deep).toBeLessThan(-37);
    expect(deep).toBeGreaterThan(-37.1);
  });
});

describe('logGamma', () => {
  it('gives log factorials and Γ(1/2) = √π', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(Math.abs(logGamma(n + 1) - Math.log((factorial *= n)))).toBeLessThan(1e-12 * Math.max(1, Math.log(factorial)));
    }
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
});
