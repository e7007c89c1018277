import { describe, expect, it } from 'vitest';
import { leastConnections } from '../../../../src/components/policies/lb/least-connections.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import { all, mask, rng, targets } from './helpers.js';

describe('least connections', () => {
  it('picks the backend with the fewest active requests', () => {
    expect(leastConnections(targets([5, 2, 7, 3]), all(4), lbState(4), rng(), 0)).toBe(1);
    expect(leastConnections(targets([5, 2, 7, 0]), all(4), lbState(4), rng(), 0)).toBe(3);
  });

  it('breaks ties round robin: the first tied backend at or after the one after the last pick', () => {
    const s = lbState(4);
    const b = targets([1, 0, 0, 0]);
    // ties among 1, 2, 3: taken in turn, never backend 0 (more loaded)
    const picks = Array.from({ length: 5 }, () => leastConnections(b, all(4), s, rng(), 0));
    expect(picks).toEqual([1, 2, 3, 1, 2]);
    // all idle: every backend in turn
    const idle = lbState(3);
    expect(Array.from({ length: 4 }, () => leastConnections(targets([0, 0, 0]), all(3), idle, rng(), 0))).toEqual([0, 1, 2, 0]);
  });

  it('compares active per unit of weight and skips unusable backends', () => {
    // 4/2 = 2 beats 3/1 = 3
    expect(leastConnections(targets([3, 4], [1, 2]), all(2), lbState(2), rng(), 0)).toBe(1);
    expect(leastConnections(targets([0, 9]), mask(0, 1), lbState(2), rng(), 0)).toBe(1);
    expect(leastConnections(targets([0, 9]), mask(0, 0), lbState(2), rng(), 0)).toBe(-1);
  });
});
