import { describe, expect, it } from 'vitest';
import { randomChoice } from '../../../../src/components/policies/lb/random.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import { all, mask, rng, targets } from './helpers.js';

describe('random', () => {
  it('spreads uniformly over usable backends (chi-square, 3 d.o.f., 99.9% critical value 16.27)', () => {
    const counts = [0, 0, 0, 0];
    const r = rng();
    const n = 40000;
    for (let k = 0; k < n; k++) counts[randomChoice(targets([0, 0, 0, 0]), all(4), lbState(4), r, 0)]!++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 4) ** 2 / (n / 4), 0);
    expect(chi2).toBeLessThan(16.27);
  });

  it('never picks an unusable backend and returns -1 when none is usable', () => {
    const r = rng();
    for (let k = 0; k < 500; k++) expect(randomChoice(targets([0, 0, 0]), mask(1, 0, 1), lbState(3), r, 0)).not.toBe(1);
    expect(randomChoice(targets([0, 0]), mask(0, 0), lbState(2), r, 0)).toBe(-1);
  });
});
