/**
 * TimeWeighted against hand-computed areas of step functions, warm-up reset semantics,
 * and a brute-force oracle on random step sequences.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimeWeighted } from '../../../src/engine/stats/time-weighted.js';

/** Queue length: 0 on [0,1), 2 on [1,3), 3 on [3,4), 0 on [4,6), 1 on [6,10]. */
function queue(): TimeWeighted {
  const g = new TimeWeighted(0, 0);
  g.set(1, 2);
  g.add(3, +1);
  g.add(4, -3);
  g.set(6, 1);
  return g;
}

describe('TimeWeighted', () => {
  it('averages a hand-made step function by area over time', () => {
    const g = queue();
    expect(g.integral(10)).toBe(0 * 1 + 2 * 2 + 3 * 1 + 0 * 2 + 1 * 4); // 11
    expect(g.mean(10)).toBeCloseTo(1.1, 15);
    expect(g.mean(6)).toBeCloseTo(7 / 6, 15);
    expect([g.current, g.max, g.min]).toEqual([1, 3, 0]);
  });

  it('reports the current level when no time has passed', () => {
    const g = new TimeWeighted(5, 4);
    expect(g.mean(5)).toBe(4);
    g.set(5, 7); // a zero-length step adds no area
    expect(g.mean(5)).toBe(7);
    expect(g.mean(6)).toBe(7);
  });

  it('reset at warm-up keeps the level and forgets the history', () => {
    const g = new TimeWeighted(0, 0);
    g.set(1, 10); // a burst during warm-up
    g.set(2, 3);
    g.reset(4);
    expect([g.current, g.max, g.min, g.startTime]).toEqual([3, 3, 3, 4]);
    expect(g.mean(6)).toBe(3); // level 3 held since the reset
    g.set(6, 1);
    expect(g.mean(8)).toBe((3 * 2 + 1 * 2) / 4);
    expect(g.max).toBe(3);
    expect(g.min).toBe(1);
  });

  it('rejects time going backwards and non-finite levels, naming them', () => {
    const g = queue();
    expect(() => g.set(5, 1)).toThrow(/now must be a finite time >= the last update \(6\), got 5/);
    expect(() => g.mean(2)).toThrow(/now must be/);
    expect(() => g.set(7, NaN)).toThrow(/value must be a finite number, got NaN/);
    expect(() => g.add(7, Infinity)).toThrow(/value must be a finite number/);
    expect(() => new TimeWeighted(NaN)).toThrow(/now must be a finite number/);
    expect(g.current).toBe(1);
  });

  it('matches a brute-force area on random step sequences', () => {
    const step = fc.record({ dt: fc.double({ min: 0, max: 100, noNaN: true }), level: fc.integer({ min: -5, max: 50 }) });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 10, noNaN: true }), (steps, tail) => {
        const g = new TimeWeighted(0, 0);
        let t = 0;
        let area = 0;
        let level = 0;
        for (const s of steps) {
          area += level * s.dt;
          t += s.dt;
          level = s.level;
          g.set(t, s.level);
        }
        area += level * tail;
        const end = t + tail;
        const expected = end > 0 ? area / end : level;
        return Math.abs(g.mean(end) - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
