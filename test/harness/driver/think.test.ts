import { describe, expect, it } from 'vitest';
import { driverStream } from '../../../src/harness/driver/keys.js';
import { between, checkThink, constant, exponential, sampleThink, thinkMean, type ThinkTime } from '../../../src/harness/driver/think.js';

const mean = (t: ThinkTime, n = 100_000): number => {
  const rng = driverStream('think', 'z');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sampleThink(t, rng);
  return sum / n;
};

describe('think time', () => {
  it('constant, between and exponential have the means Little\'s law uses', () => {
    expect(mean(constant(0.1), 10)).toBeCloseTo(0.1, 12);
    // uniform(1, 3): sd 0.577, so the mean of 1e5 draws is within 0.0073 at 4 sd
    expect(Math.abs(mean(between(1, 3)) - 2)).toBeLessThan(0.0073);
    // exponential(0.5): sd 0.5, 4 sd of the mean = 0.0063
    expect(Math.abs(mean(exponential(0.5)) - 0.5)).toBeLessThan(0.0063);
    expect([constant(2), between(1, 3), exponential(4)].map(thinkMean)).toEqual([2, 2, 4]);
  });

  it('between stays inside its bounds', () => {
    const rng = driverStream('b', 'z');
    const xs = Array.from({ length: 1000 }, () => sampleThink(between(0.2, 0.3), rng));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...xs)).toBeLessThan(0.3);
  });

  it('rejects bad values by name', () => {
    expect(() => between(2, 1)).toThrow('between(max) = 1 is not allowed: expected a finite number >= min (2)');
    expect(() => exponential(0)).toThrow('exponential(mean) = 0 is not allowed');
    expect(() => constant(-1)).toThrow('constant(seconds) = -1 is not allowed');
    expect(() => checkThink({ kind: 'gamma' } as unknown as ThinkTime, 'think')).toThrow(/think = \{"kind":"gamma"\} is not allowed/);
  });
});
