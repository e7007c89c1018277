import { describe, expect, it } from 'vitest';
import { healthState, recordCheck } from '../../../../src/components/policies/lb/health.js';

const t = { unhealthy: 3, healthy: 2 };

describe('health checks (fall/rise thresholds)', () => {
  it('takes a backend out after exactly `unhealthy` consecutive failures and back after `healthy` passes', () => {
    const s = healthState(2);
    expect([...s.healthy]).toEqual([1, 1]);
    expect(recordCheck(s, 0, false, t)).toBe(false);
    expect(recordCheck(s, 0, false, t)).toBe(false);
    expect(recordCheck(s, 0, false, t)).toBe(true);
    expect([...s.healthy]).toEqual([0, 1]);
    expect(recordCheck(s, 0, false, t)).toBe(false); // stays out
    expect(recordCheck(s, 0, true, t)).toBe(false);
    expect(recordCheck(s, 0, true, t)).toBe(true);
    expect([...s.healthy]).toEqual([1, 1]);
  });

  it('a result agreeing with the state resets the streak', () => {
    const s = healthState(1);
    const results = [false, false, true, false, false, true, false, false];
    expect(results.map((r) => recordCheck(s, 0, r, t))).toEqual(results.map(() => false));
    expect(s.healthy[0]).toBe(1);
    recordCheck(s, 0, false, t); // third in a row
    expect(s.healthy[0]).toBe(0);
    expect([true, false, true, false].map((r) => recordCheck(s, 0, r, t))).toEqual([false, false, false, false]);
    expect(s.healthy[0]).toBe(0);
  });
});
