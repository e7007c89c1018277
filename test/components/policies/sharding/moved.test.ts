import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consistentHashMap, moduloMap, movement, moves, rangeMap } from '../../../../src/components/policies/sharding/index.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `db${i + 1}`);
const KEYS = 100_000;

describe('key movement when growing from N to N+1 shards', () => {
  for (const n of [2, 4, 8]) {
    it(`modulo ${n}→${n + 1}: about N/(N+1) = ${(n / (n + 1)).toFixed(3)} of the keys move`, () => {
      const m = movement(moduloMap(names(n)), moduloMap(names(n + 1)), 1, KEYS);
      // a key stays iff h mod N = h mod (N+1), i.e. h mod N(N+1) < N: probability 1/(N+1);
      // binomial sd over 100k keys is < 0.0016, so 0.01 is > 6 sd
      expect(m.keys).toBe(KEYS);
      expect(Math.abs(m.fraction - n / (n + 1))).toBeLessThan(0.01);
    });

    it(`consistent_hash ${n}→${n + 1} with 256 vnodes: about 1/(N+1) = ${(1 / (n + 1)).toFixed(3)} move, all to the new shard`, () => {
      const m = movement(consistentHashMap(names(n), 256), consistentHashMap(names(n + 1), 256), 1, KEYS);
      // the new shard's share has a relative sd of about 1/sqrt(256) = 6%
      expect(Math.abs(m.fraction - 1 / (n + 1))).toBeLessThan(0.2 / (n + 1));
      expect(Object.keys(m.into)).toEqual([`db${n + 1}`]);
      expect(m.into[`db${n + 1}`]).toBe(m.moved);
    });
  }

  it('consistent_hash: more virtual nodes bring the moved fraction closer to 1/(N+1)', () => {
    const err = (v: number) => {
      let sum = 0;
      for (let n = 3; n <= 10; n++) sum += Math.abs(movement(consistentHashMap(names(n), v), consistentHashMap(names(n + 1), v), 1, 20_000).fraction - 1 / (n + 1)) * (n + 1);
      return sum / 8;
    };
    const few = err(1);
    const many = err(500);
    expect(many).toBeLessThan(0.1);
    expect(few).toBeGreaterThan(2 * many);
  });

  it('consistent_hash: removing a shard moves exactly its keys, and only them', () => {
    const before = consistentHashMap(names(5), 64);
    const after = consistentHashMap(['db1', 'db2', 'db4', 'db5'], 64);
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (key) => {
      const was = before.names[before.shardOf(key)];
      expect(moves(before, after, key)).toBe(was === 'db3');
    }), { numRuns: 2000 });
  });

  it('consistent_hash: routing ignores the order the shards are listed in', () => {
    const a = consistentHashMap(['db1', 'db2', 'db3'], 32);
    const b = consistentHashMap(['db3', 'db1', 'db2'], 32);
    for (let key = 0; key < 5000; key++) expect(a.names[a.shardOf(key)]).toBe(b.names[b.shardOf(key)]);
  });

  it('range: splitting a range moves exactly the keys between the new boundary and the old end', () => {
    const before = rangeMap(['a', 'b', 'c'], [100, 200]);
    const after = rangeMap(['a', 'b', 'd', 'c'], [100, 150, 200]);
    const m = movement(before, after, 0, 299);
    expect(m).toEqual({ keys: 300, moved: 50, fraction: 50 / 300, into: { d: 50 } });
  });

  it('samples an even stride when the range exceeds the limit', () => {
    const m = movement(moduloMap(names(3)), moduloMap(names(4)), 1, 10_000_000, 50_000);
    expect(m.keys).toBe(50_000);
    expect(Math.abs(m.fraction - 0.75)).toBeLessThan(0.01);
  });

  it('no shard change, no movement', () => {
    expect(movement(moduloMap(names(3)), moduloMap(names(3)), 1, 1000).moved).toBe(0);
  });
});
