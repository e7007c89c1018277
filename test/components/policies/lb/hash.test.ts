import { describe, expect, it } from 'vitest';
import { fmix32, hashKey, hashed } from '../../../../src/components/policies/lb/hash.js';
import { lbState } from '../../../../src/components/policies/lb/policy.js';
import { all, mask, rng, targets } from './helpers.js';

const pick = (key: number, usable = all(4)) => hashed(targets([0, 0, 0, 0]), usable, lbState(4), rng(), key);

describe('hash (sticky sessions)', () => {
  it('fmix32 is murmur3 finalizer: known values', () => {
    expect(fmix32(0)).toBe(0);
    // reference values computed from the C definition of fmix32
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });

  it('is sticky: the same key always goes to the same backend, whatever the load', () => {
    for (let key = 1; key <= 200; key++) {
      const home = pick(key);
      expect(hashed(targets([9, 0, 3, 1]), all(4), lbState(4), rng(), key)).toBe(home);
      expect(pick(key)).toBe(home);
    }
  });

  it('spreads consecutive keys evenly (chi-square, 3 d.o.f., 99.9% critical value 16.27)', () => {
    const counts = [0, 0, 0, 0];
    const n = 20000;
    for (let key = 1; key <= n; key++) counts[pick(key)]!++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 4) ** 2 / (n / 4), 0);
    expect(chi2).toBeLessThan(16.27);
  });

  it('moves only the keys of a down backend (to the next usable one) and brings them back', () => {
    const down = mask(1, 0, 1, 1);
    for (let key = 1; key <= 500; key++) {
      const home = pick(key);
      const moved = pick(key, down);
      expect(moved).toBe(home === 1 ? 2 : home);
      expect(pick(key)).toBe(home);
    }
    expect(pick(5, mask(0, 0, 0, 0))).toBe(-1);
  });

  it('keys differing only above 32 bits (other namespaces) hash apart', () => {
    expect(hashKey(7)).not.toBe(hashKey(7 + 2 ** 32));
    expect(hashKey(7)).toBe(hashKey(7));
  });
});
