import { describe, expect, it } from 'vitest';
import { fitTime, formatSeconds, residualMoments } from '../../../src/harness/validate/fit.js';
import { parseDuration } from '../../../src/model/units.js';

describe('formatSeconds', () => {
  it('writes µs below a millisecond and ms above, with 4 significant digits', () => {
    expect(formatSeconds(0.000123456)).toBe('123.5us');
    expect(formatSeconds(0.0123456)).toBe('12.35ms');
    expect(formatSeconds(2.5)).toBe('2500ms');
    expect(formatSeconds(0)).toBe('0ms');
  });

  it('round-trips through the model language within the rounding', () => {
    for (const x of [3.7e-7, 4.2e-5, 0.00099999, 0.001, 0.05, 12.3456]) {
      const back = parseDuration(formatSeconds(x));
      expect(back.ok).toBe(true);
      if (back.ok) expect(Math.abs(back.value - x) / x).toBeLessThan(5e-4);
    }
  });

  it('refuses negative and non-finite durations, naming the parameter', () => {
    expect(() => formatSeconds(-1)).toThrow(/seconds = -1 .*>= 0/);
    expect(() => formatSeconds(Number.NaN)).toThrow(/seconds = NaN/);
  });
});

describe('fitTime', () => {
  it('is constant when the spread is negligible', () => {
    expect(fitTime(0.002, 0.00005)).toEqual({ mean: 0.002, cv: 0, yaml: { constant: '2ms' } });
  });

  it('is gamma up to cv 1 and lognormal beyond', () => {
    expect(fitTime(0.01, 0.003).yaml).toEqual({ gamma: { mean: '10ms', cv: 0.3 } });
    expect(fitTime(0.01, 0.01).yaml).toEqual({ gamma: { mean: '10ms', cv: 1 } });
    expect(fitTime(0.01, 0.015).yaml).toEqual({ lognormal: { mean: '10ms', cv: 1.5 } });
  });

  it('clips the spread, so a few stalls cannot give an absurd tail', () => {
    expect(fitTime(0.001, 0.05).yaml).toEqual({ lognormal: { mean: '1ms', cv: 2 } });
    expect(fitTime(0.001, 0.05, { maxCv: 3 }).cv).toBe(3);
  });

  it('refuses a mean that is not positive and a negative sd', () => {
    expect(() => fitTime(0, 0.1)).toThrow(/mean = 0 is not allowed/);
    expect(() => fitTime(0.1, -1)).toThrow(/sd = -1 is not allowed/);
  });
});

describe('residualMoments', () => {
  it('subtracts means and variances of independent parts', () => {
    expect(residualMoments({ mean: 10, sd: 5 }, { mean: 4, sd: 3 })).toEqual({ mean: 6, sd: 4 });
  });

  it('never gives a negative variance', () => {
    expect(residualMoments({ mean: 10, sd: 1 }, { mean: 4, sd: 3 }).sd).toBe(0);
  });
});
