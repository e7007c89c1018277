import { describe, expect, it } from 'vitest';
import { weightedRoundRobin } from '../../../../src/components/policies/lb/weighted-round-robin.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import { all, mask, rng, targets } from './helpers.js';

describe('smooth weighted round robin (nginx)', () => {
  it('weights 5:1:1 give the nginx sequence a a b a c a a, repeating', () => {
    const b = targets([0, 0, 0], [5, 1, 1]);
    const s = lbState(3);
    const picks = Array.from({ length: 14 }, () => 'abc'[weightedRoundRobin(b, all(3), s, rng(), 0)]).join('');
    expect(picks).toBe('aabacaa'.repeat(2));
  });

  it('shares picks exactly in proportion to the weights over a full cycle', () => {
    const b = targets([0, 0, 0], [3, 2, 1]);
    const s = lbState(3);
    const counts = [0, 0, 0];
    for (let k = 0; k < 600; k++) counts[weightedRoundRobin(b, all(3), s, rng(), 0)]!++;
    expect(counts).toEqual([300, 200, 100]);
  });

  it('with equal weights it is plain round robin; unusable backends get nothing', () => {
    const s = lbState(3);
    const picks = Array.from({ length: 6 }, () => weightedRoundRobin(targets([0, 0, 0]), all(3), s, rng(), 0));
    expect(picks).toEqual([0, 1, 2, 0, 1, 2]);
    const s2 = lbState(3);
    const only = Array.from({ length: 4 }, () => weightedRoundRobin(targets([0, 0, 0], [5, 1, 1]), mask(0, 1, 1), s2, rng(), 0));
    expect(only).toEqual([1, 2, 1, 2]);
    expect(weightedRoundRobin(targets([0]), mask(0), lbState(1), rng(), 0)).toBe(-1);
  });
});
