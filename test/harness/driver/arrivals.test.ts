import { describe, expect, it } from 'vitest';
import { arrivalSchedule } from '../../../src/harness/driver/arrivals.js';

const offsets = (s: { next(): number }): number[] => {
  const out: number[] = [];
  for (let t = s.next(); t !== Infinity; t = s.next()) out.push(t);
  return out;
};

describe('arrivalSchedule', () => {
  it('constant: offset i is exactly i / rate, with no accumulated drift', () => {
    const ts = offsets(arrivalSchedule('constant', 3, 100, 'x'));
    expect(ts).toHaveLength(300);
    expect(ts[0]).toBe(0);
    expect(ts[299]).toBe(299 / 3);
    expect(ts.every((t, i) => t === i / 3)).toBe(true);
  });

  it('poisson: the count over T is rate*T within 4 standard deviations, gaps have mean 1/rate', () => {
    const rate = 200;
    const T = 100;
    const ts = offsets(arrivalSchedule('poisson', rate, T, 'seed-1'));
    expect(Math.abs(ts.length - rate * T)).toBeLessThan(4 * Math.sqrt(rate * T));
    const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    // CV of an exponential is 1: the sample mean's sd is (1/rate)/sqrt(n)
    expect(Math.abs(mean - 1 / rate)).toBeLessThan((4 / rate) / Math.sqrt(gaps.length));
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(sd / mean).toBeGreaterThan(0.95);
    expect(sd / mean).toBeLessThan(1.05);
    expect(ts.every((t, i) => i === 0 || t > ts[i - 1]!)).toBe(true);
  });

  it('poisson: the same seed gives the same schedule, another seed another', () => {
    const a = offsets(arrivalSchedule('poisson', 50, 2, 'seed-1'));
    expect(offsets(arrivalSchedule('poisson', 50, 2, 'seed-1'))).toEqual(a);
    expect(offsets(arrivalSchedule('poisson', 50, 2, 'seed-2'))).not.toEqual(a);
  });

  it('rejects a bad rate or process by name', () => {
    expect(() => arrivalSchedule('constant', 0, 1, 's')).toThrow('rate = 0 is not allowed: expected a finite number > 0');
    expect(() => arrivalSchedule('constant', NaN, 1, 's')).toThrow('rate = null is not allowed');
    expect(() => arrivalSchedule('bursty' as 'poisson', 1, 1, 's')).toThrow('arrival = "bursty" is not allowed: expected "constant" or "poisson"');
  });
});
