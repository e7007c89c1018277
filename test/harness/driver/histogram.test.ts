import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../src/harness/driver/histogram.js';

describe('LatencyHistogram', () => {
  it('reports percentiles of 1..1000 ms within 0.1 %', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) h.recordMs(ms);
    const s = h.summary();
    expect(s.count).toBe(1000);
    for (const [p, want] of [[s.p50, 500], [s.p90, 900], [s.p95, 950], [s.p99, 990], [s.max, 1000], [s.min, 1]] as const) {
      expect(Math.abs(p - want) / want).toBeLessThanOrEqual(0.001);
    }
    expect(Math.abs(s.mean - 500.5) / 500.5).toBeLessThan(0.001);
  });

  it('keeps microsecond resolution below a millisecond', () => {
    const h = new LatencyHistogram();
    h.recordMs(0.25);
    h.recordMs(0.75);
    expect(h.percentileMs(50)).toBe(0.25);
    expect(h.maxMs()).toBe(0.75);
  });

  it('merges, and survives a trip through its encoded form', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 0; i < 100; i++) a.recordMs(10);
    for (let i = 0; i < 100; i++) b.recordMs(5000);
    a.merge(b);
    expect(a.count).toBe(200);
    // HDR reports the highest value equivalent to the bucket: within 0.1 % above
    expect(a.percentileMs(50)).toBeGreaterThanOrEqual(10);
    expect(a.percentileMs(50)).toBeLessThanOrEqual(10.01);
    expect(a.percentileMs(51)).toBeGreaterThanOrEqual(5000);
    const back = LatencyHistogram.decode(a.summary().hdr);
    expect(back.count).toBe(200);
    expect(back.percentileMs(99)).toBe(a.percentileMs(99));
  });

  it('grows past its initial one-hour range instead of throwing', () => {
    const h = new LatencyHistogram();
    h.recordMs(10 * 3_600_000);
    expect(Math.abs(h.maxMs() - 36_000_000) / 36_000_000).toBeLessThan(0.001);
  });

  it('an empty histogram summarises to zeros, never NaN', () => {
    const s = new LatencyHistogram().summary();
    expect([s.count, s.min, s.mean, s.p50, s.p99, s.max, s.stdev]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
