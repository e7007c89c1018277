/**
 * Counter and RunningStats: Welford against a two-pass computation, and the parallel merge
 * against adding everything to one accumulator.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Counter, RunningStats } from '../../../src/engine/stats/counter.js';

function stats(values: readonly number[]): RunningStats {
  const s = new RunningStats();
  for (const x of values) s.add(x);
  return s;
}

describe('Counter', () => {
  it('adds, reads and resets', () => {
    const c = new Counter();
    c.add();
    c.add(4);
    expect(c.value).toBe(5);
    c.reset();
    expect(c.value).toBe(0);
    expect(() => c.add(NaN)).toThrow(/amount must be a finite number, got NaN/);
  });
});

describe('RunningStats', () => {
  it('gives the textbook mean and sample variance', () => {
    const s = stats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.variance).toBeCloseTo(32 / 7, 14);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect([s.min, s.max]).toEqual([2, 9]);
  });

  it('stays accurate with a large offset (where the naive sum of squares fails)', () => {
    const s = stats([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(s.mean).toBe(1e9 + 10);
    expect(s.variance).toBe(30);
  });

  it('is undefined, never NaN, when there is too little data', () => {
    const empty = new RunningStats();
    expect([empty.mean, empty.variance, empty.sd, empty.min, empty.max]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const one = stats([3]);
    expect([one.mean, one.variance, one.sd, one.min]).toEqual([3, undefined, undefined, 3]);
  });

  it('merges any split into the same result as one pass (Chan et al.)', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), fc.nat(), (values, cut) => {
        const k = values.length === 0 ? 0 : cut % (values.length + 1);
        const merged = stats(values.slice(0, k)).merge(stats(values.slice(k)));
        const whole = stats(values);
        const close = (a: number | undefined, b: number | undefined, scale: number) =>
          a === b || (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * scale);
        const scale = Math.max(1, ...values.map(Math.abs));
        return merged.count === whole.count && merged.min === whole.min && merged.max === whole.max &&
          close(merged.mean, whole.mean, scale) && close(merged.variance, whole.variance, scale * scale);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('round-trips through JSON and resets', () => {
    const s = stats([1, 2, 3, 10]);
    const back = RunningStats.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect([back.count, back.mean, back.variance, back.min, back.max]).toEqual([s.count, s.mean, s.variance, s.min, s.max]);
    expect(RunningStats.fromJSON(new RunningStats().toJSON()).count).toBe(0);
    expect(() => RunningStats.fromJSON({ count: -1, mean: 0, m2: 0, min: null, max: null })).toThrow(/data must come from/);
    s.reset();
    expect([s.count, s.mean]).toEqual([0, undefined]);
    expect(() => s.add(Infinity)).toThrow(/x must be a finite number/);
  });
});
