import { describe, expect, it } from 'vitest';
import { powerOfTwoChoices } from '../../../../src/components/policies/lb/power-of-two.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import type { RandomStream } from '../../../../src/engine/types.js';
import { all, mask, rng, targets } from './helpers.js';

/** A stream that records its draws, to recover which two backends were compared. */
function recording(inner: RandomStream): RandomStream & { draws: number[] } {
  const draws: number[] = [];
  return { name: inner.name, draws, next: () => { const u = inner.next(); draws.push(u); return u; } };
}

describe('power of two choices', () => {
  it('never picks the more loaded of the two backends it drew', () => {
    const active = [9, 3, 0, 5, 7, 1, 4, 8];
    const b = targets(active);
    const r = recording(rng());
    for (let k = 0; k < 2000; k++) {
      r.draws.length = 0;
      const pick = powerOfTwoChoices(b, all(8), lbState(8), r, 0);
      const a = Math.floor(r.draws[0]! * 8);
      let c = Math.floor(r.draws[1]! * 7);
      if (c >= a) c++;
      expect(a).not.toBe(c);
      expect([a, c]).toContain(pick);
      expect(active[pick]).toBe(Math.min(active[a]!, active[c]!));
    }
  });

  it('never picks the most loaded backend, and picks the least loaded about 2/n of the time', () => {
    const b = targets([0, 1, 2, 3]);
    const counts = [0, 0, 0, 0];
    const r = rng();
    const n = 40000;
    for (let k = 0; k < n; k++) counts[powerOfTwoChoices(b, all(4), lbState(4), r, 0)]!++;
    expect(counts[3]).toBe(0);
    // P(least loaded in the pair) = 1 - C(3,2)/C(4,2) = 1/2; next: 2/6 = 1/3; then 1/6
    expect(counts[0]! / n).toBeCloseTo(1 / 2, 1);
    expect(counts[1]! / n).toBeCloseTo(1 / 3, 1);
    expect(counts[2]! / n).toBeCloseTo(1 / 6, 1);
  });

  it('draws only among usable backends; one usable backend needs no draw', () => {
    const r = recording(rng());
    for (let k = 0; k < 200; k++) expect([1, 3]).toContain(powerOfTwoChoices(targets([0, 5, 0, 5]), mask(0, 1, 0, 1), lbState(4), r, 0));
    r.draws.length = 0;
    expect(powerOfTwoChoices(targets([0, 5]), mask(0, 1), lbState(2), r, 0)).toBe(1);
    expect(r.draws).toEqual([]);
    expect(powerOfTwoChoices(targets([0, 5]), mask(0, 0), lbState(2), r, 0)).toBe(-1);
  });
});
