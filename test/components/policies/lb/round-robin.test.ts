import { describe, expect, it } from 'vitest';
import { roundRobin } from '../../../../src/components/policies/lb/round-robin.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import { all, mask, rng, targets } from './helpers.js';

describe('round robin', () => {
  it('cycles through the backends in order, exactly', () => {
    const b = targets([0, 0, 0]);
    const s = lbState(3);
    const picks = Array.from({ length: 7 }, () => roundRobin(b, all(3), s, rng(), 0));
    expect(picks).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('skips a backend that is down and keeps the rotation', () => {
    const b = targets([0, 0, 0]);
    const s = lbState(3);
    const u = all(3);
    const picks = [roundRobin(b, u, s, rng(), 0)]; // 0
    u[1] = 0;
    for (let k = 0; k < 4; k++) picks.push(roundRobin(b, u, s, rng(), 0));
    u[1] = 1;
    picks.push(roundRobin(b, u, s, rng(), 0));
    expect(picks).toEqual([0, 2, 0, 2, 0, 1]);
  });

  it('ignores load and returns -1 when nothing is usable', () => {
    const s = lbState(2);
    expect(roundRobin(targets([100, 0]), all(2), s, rng(), 0)).toBe(0);
    expect(roundRobin(targets([1, 1]), mask(0, 0), s, rng(), 0)).toBe(-1);
    expect(roundRobin([], new Uint8Array(0), lbState(0), rng(), 0)).toBe(-1);
  });
});
