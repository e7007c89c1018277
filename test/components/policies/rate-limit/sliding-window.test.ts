// Sliding windows: the exact log never admits more than `limit` in any window and admits
// again exactly when the oldest admission leaves; the counter weights the previous window
// by its overlap (Cloudflare's estimate), by hand-computed counts.
import { describe, expect, it } from 'vitest';
import { requestLog, slidingLogAllow, slidingLogPolicy } from '../../../../src/components/policies/rate-limit/sliding-log.js';
import { slidingWindowAllow, slidingWindowPolicy, windowCounter } from '../../../../src/components/policies/rate-limit/sliding-window.js';

const count = (allow: (t: number) => boolean, times: number[]): number => times.filter((t) => allow(t)).length;

describe('sliding log (exact)', () => {
  it('limit 3 per 1 s: 3 of 10 at t=0, none until the oldest leaves at exactly t=1', () => {
    const log = requestLog(3);
    const allow = (t: number) => slidingLogAllow(log, t, 3, 1);
    expect(count(allow, Array(10).fill(0))).toBe(3);
    expect(allow(0.999)).toBe(false);
    expect(count(allow, [1, 1, 1, 1])).toBe(3);
    expect(allow(1.5)).toBe(false);
  });

  it('spread admissions leave one at a time', () => {
    const log = requestLog(3);
    const allow = (t: number) => slidingLogAllow(log, t, 3, 1);
    expect([0, 0.3, 0.6, 0.9, 1.0, 1.2, 1.3, 1.31, 1.6].map(allow))
      .toEqual([true, true, true, false, true, false, true, false, true]);
  });

  it('no interval of one window admits more than the limit, under dense random-looking traffic', () => {
    const policy = slidingLogPolicy(50, 2);
    const s = policy.fresh(0);
    const admitted: number[] = [];
    let t = 0;
    for (let k = 0; k < 20_000; k++) {
      t += ((k * 7919) % 13) * 0.001; // deterministic uneven gaps, 0–12 ms
      if (policy.allow(s, t)) admitted.push(t);
    }
    for (let i = 50; i < admitted.length; i++) expect(admitted[i]! - admitted[i - 50]!).toBeGreaterThanOrEqual(2 - 1e-9);
    // and it is tight: the average gap is about window/limit
    expect(admitted.length).toBeGreaterThan((t / 2) * 50 * 0.95);
  });

  it('grows its ring only as far as the limit', () => {
    const log = requestLog(1000);
    expect(log.times.length).toBe(4);
    for (let i = 0; i < 5000; i++) slidingLogAllow(log, i * 1e-6, 1000, 1);
    expect(log.size).toBe(1000);
    expect(log.times.length).toBe(1000);
  });
});

describe('sliding window counter', () => {
  it('limit 5 per 1 s: 5 at t=0; at t=1.5 the previous window weighs 2.5, so 2 more pass', () => {
    const c = windowCounter(1, 0);
    const allow = (t: number) => slidingWindowAllow(c, t, 5, 1);
    expect(count(allow, Array(20).fill(0))).toBe(5);
    expect(count(allow, Array(20).fill(0.99))).toBe(0);
    expect(count(allow, Array(20).fill(1.5))).toBe(2); // 2.5 + 2 ≤ 5 < 2.5 + 3
    expect(count(allow, Array(20).fill(1.9))).toBe(2); // 0.5 + 2 + 2 ≤ 5 < 0.5 + 2 + 3
    expect(count(allow, Array(20).fill(2.0))).toBe(1); // window 1 admitted 4: 4 + 1 = 5
    expect(count(allow, Array(20).fill(3.5))).toBe(4); // 1 × 0.5 = 0.5; 0.5 + 4 ≤ 5 < 0.5 + 5
    expect(count(allow, Array(20).fill(10))).toBe(5); // windows skipped: nothing carried
  });

  it('admits limit × windows over a long steady stream, give or take one window', () => {
    const policy = slidingWindowPolicy(100, 1);
    const s = policy.fresh(0);
    let admitted = 0;
    for (let k = 0; k < 1_000_000; k++) if (policy.allow(s, k * 1e-4)) admitted++;
    expect(Math.abs(admitted - 100 * 100)).toBeLessThanOrEqual(100);
  });

  it('rejects a limit or window that defines nothing', () => {
    expect(() => slidingWindowPolicy(0, 1)).toThrow(/limit must be a whole number >= 1 \(got 0\)/);
    expect(() => slidingLogPolicy(3, 0)).toThrow(/window must be a duration > 0 \(got 0\)/);
  });
});
