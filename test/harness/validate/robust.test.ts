import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../src/harness/driver/index.js';
import { median, trimmedMoments } from '../../../src/harness/validate/robust.js';

describe('trimmedMoments', () => {
  it('matches the mean and sd of a uniform distribution', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 10_000; i++) h.recordMs(1 + (i + 0.5) / 10_000); // uniform on [1, 2] ms
    const t = trimmedMoments(h.summary(), 100);
    expect(t.mean).toBeCloseTo(1.5, 2);
    expect(t.sd).toBeCloseTo(1 / Math.sqrt(12), 2);
  });

  it('ignores a stall beyond the 99th percentile that ruins the raw mean', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 995; i++) h.recordMs(1);
    for (let i = 0; i < 5; i++) h.recordMs(300);
    const s = h.summary();
    expect(s.mean).toBeGreaterThan(2.4); // (995 + 1500) / 1000
    const t = trimmedMoments(s);
    expect(t.mean).toBeCloseTo(1, 2);
    expect(t.sd).toBeLessThan(0.01);
  });

  it('is zero for an empty histogram', () => {
    expect(trimmedMoments(new LatencyHistogram().summary())).toEqual({ mean: 0, sd: 0 });
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/empty list/);
  });
});
