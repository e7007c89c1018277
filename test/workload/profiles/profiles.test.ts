// Rate profiles as pure functions: λ(t), Λ(t) against hand-computed integrals, the inverse
// against Λ, and the thinning bounds against the rate on a dense grid.
import { describe, expect, it } from 'vitest';
import {
  constantRate, diurnalRate, rampRate, rateFunction, spikeRate, stepsRate, type RateFunction,
} from '../../../src/workload/profiles/index.js';
import { DIURNAL_SEGMENTS } from '../../../src/workload/profiles/diurnal.js';

/** bound(t) >= rate(t) at many points, boundEnd(t) > t, and no bound above the peak. */
function expectBounds(fn: RateFunction, T: number, n = 20_000): void {
  const bad: number[] = [];
  for (let i = 0; i <= n; i++) {
    const t = (T * i) / n;
    if (!(fn.bound(t) >= fn.rate(t) && fn.boundEnd(t) > t && fn.bound(t) <= fn.peak * (1 + 1e-9))) bad.push(t);
  }
  expect(bad, `bounds fail at these times`).toEqual([]);
}

/** Λ(inverse(y)) = y, and inverse(Λ(t)) = t wherever the rate is not close to 0 (near a
 * zero rate Λ is flat and t is ill-determined by Λ). */
function expectInverse(fn: RateFunction, T: number, n = 2000): void {
  const bad: number[] = [];
  for (let i = 1; i <= n; i++) {
    const t = (T * i) / n;
    const y = fn.cumulative(t);
    const back = fn.inverse(y);
    if (Math.abs(fn.cumulative(back) - y) > 1e-12 * y) bad.push(t);
    if (fn.rate(t) > 1e-3 * fn.peak && Math.abs(back - t) > 1e-7 * Math.max(1, t)) bad.push(t);
  }
  expect(bad, 'inverse fails at these times').toEqual([]);
}

describe('constant', () => {
  it('has Λ(t) = r·t and inverse y/r exactly', () => {
    const fn = constantRate(40);
    expect(fn.rate(123.4)).toBe(40);
    expect(fn.cumulative(2.5)).toBe(100);
    for (let k = 0; k < 1000; k++) expect(fn.inverse(k)).toBe(k / 40);
    expect(fn.boundEnd(5)).toBe(Infinity);
  });
  it('never reaches anything at rate 0', () => {
    expect(constantRate(0).inverse(0)).toBe(Infinity);
  });
  it('names the parameter of a bad rate', () => {
    expect(() => constantRate(-1)).toThrow('constant rate must be a finite rate >= 0 per second (got -1)');
    expect(() => constantRate(NaN)).toThrow('(got NaN)');
  });
});

describe('ramp', () => {
  const fn = rampRate({ from: 100, to: 300, over: 10, start: 5 });
  it('is from, then linear, then to', () => {
    expect(fn.rate(0)).toBe(100);
    expect(fn.rate(5)).toBe(100);
    expect(fn.rate(10)).toBeCloseTo(200, 9);
    expect(fn.rate(15)).toBe(300);
    expect(fn.rate(1e6)).toBe(300);
    expect(fn.peak).toBe(300);
  });
  it('integrates to 100·5 + 200·10 + 300·5 over [0, 20]', () => {
    expect(fn.cumulative(20)).toBeCloseTo(4000, 9);
    expect(fn.cumulative(10)).toBeCloseTo(500 + (100 + 200) / 2 * 5, 9);
  });
  it('inverts Λ and bounds the rate', () => {
    expectInverse(fn, 30);
    expectBounds(fn, 30);
  });
  it('falls as well as climbs, down to 0', () => {
    const down = rampRate({ from: 500, to: 0, over: 100 });
    expect(down.cumulative(100)).toBeCloseTo(25_000, 6);
    expect(down.inverse(25_000 + 1)).toBe(Infinity);
    expectInverse(down, 99);
    expectBounds(down, 120);
  });
});

describe('spike', () => {
  const fn = spikeRate({ base: 10, peak: 1000, at: 60, for: 30 });
  it('bounds each phase by its own rate, so quiet phases waste nothing', () => {
    expect(fn.bound(10)).toBe(10);
    expect(fn.boundEnd(10)).toBe(60);
    expect(fn.bound(60)).toBe(1000);
    expect(fn.boundEnd(60)).toBe(90);
    expect(fn.bound(90)).toBe(10);
  });
  it('integrates piece by piece', () => {
    expect(fn.cumulative(200)).toBe(10 * 60 + 1000 * 30 + 10 * 110);
    expectInverse(fn, 200);
  });
  it('at 0 for 0 is the base rate', () => {
    expect(spikeRate({ base: 7, peak: 100, at: 0, for: 0 }).cumulative(10)).toBe(70);
  });
});

describe('steps', () => {
  const fn = stepsRate([{ at: 0, rate: 0 }, { at: 10, rate: 100 }, { at: 20, rate: 0 }, { at: 30, rate: 50 }]);
  it('skips the silent steps when inverting', () => {
    expect(fn.inverse(0)).toBe(10);
    expect(fn.inverse(1000)).toBe(30);
    expect(fn.inverse(999)).toBeCloseTo(19.99, 12);
    expect(fn.inverse(1050)).toBe(31);
  });
  it('checks its order and names the step', () => {
    expect(() => stepsRate([{ at: 0, rate: 1 }, { at: 0, rate: 2 }])).toThrow('steps[1].at must be after steps[0].at = 0s (got 0)');
    expect(() => stepsRate([{ at: 5, rate: 1 }])).toThrow('steps[0].at must be 0s');
  });
});

describe('diurnal', () => {
  const cfg = { mean: 100, amplitude: 0.8, period: 86_400, peak_at: 14 * 3600 };
  const fn = diurnalRate(cfg);
  it('peaks at peak_at at mean·(1 + amplitude) and bottoms half a period later', () => {
    expect(fn.rate(14 * 3600)).toBeCloseTo(180, 9);
    expect(fn.rate(2 * 3600)).toBeCloseTo(20, 9);
    expect(fn.peak).toBeCloseTo(180, 12);
  });
  it('averages the mean over whole periods', () => {
    expect(fn.cumulative(86_400)).toBeCloseTo(8_640_000, 3);
    expect(fn.cumulative(3 * 86_400)).toBeCloseTo(3 * 8_640_000, 3);
  });
  it('matches a numerical integral between whole periods', () => {
    const n = 100_000, T = 30_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += fn.rate((T * (i + 0.5)) / n) * (T / n);
    expect(fn.cumulative(T)).toBeCloseTo(sum, 2);
  });
  it('inverts Λ and bounds every slice, including at amplitude 100%', () => {
    expectInverse(fn, 2 * 86_400);
    expectBounds(fn, 2 * 86_400);
    const full = diurnalRate({ ...cfg, amplitude: 1 });
    expectInverse(full, 86_400);
    expectBounds(full, 86_400);
  });
  it('keeps thinning efficient: the mean rate is over 90% of the mean slice bound', () => {
    const full = diurnalRate({ mean: 1, amplitude: 1, period: 3200, peak_at: 0 });
    let boundSum = 0;
    for (let j = 0; j < DIURNAL_SEGMENTS; j++) boundSum += full.bound(j * 100 + 50);
    expect(1 / (boundSum / DIURNAL_SEGMENTS)).toBeGreaterThan(0.9);
  });
  it('rejects an amplitude that would make the rate negative', () => {
    expect(() => diurnalRate({ ...cfg, amplitude: 1.5 })).toThrow('diurnal amplitude must be between 0 and 1');
  });
});

describe('rateFunction', () => {
  it('dispatches on the profile key', () => {
    expect(rateFunction({ constant: 5 }).kind).toBe('constant');
    expect(rateFunction({ ramp: { from: 1, to: 2, over: 3, start: 0 } }).kind).toBe('ramp');
    expect(rateFunction({ spike: { base: 1, peak: 2, at: 3, for: 4 } }).kind).toBe('spike');
    expect(rateFunction({ diurnal: { mean: 1, amplitude: 0.5, period: 10, peak_at: 0 } }).kind).toBe('diurnal');
    expect(rateFunction({ steps: [{ at: 0, rate: 1 }] }).kind).toBe('steps');
  });
});
