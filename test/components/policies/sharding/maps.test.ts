import { describe, expect, it } from 'vitest';
import { consistentHashMap, evenBoundaries, moduloMap, rangeMap, shardMap } from '../../../../src/components/policies/sharding/index.js';

const names = ['db1', 'db2', 'db3', 'db4'];
const chi2 = (counts: number[], n: number) => counts.reduce((s, c) => s + (c - n / counts.length) ** 2 / (n / counts.length), 0);

describe('shard maps', () => {
  it('modulo spreads consecutive keys evenly (chi-square, 3 d.o.f., 99.9% critical value 16.27)', () => {
    const m = moduloMap(names);
    const counts = [0, 0, 0, 0];
    for (let key = 1; key <= 40_000; key++) counts[m.shardOf(key)]!++;
    expect(chi2(counts, 40_000)).toBeLessThan(16.27);
  });

  it('consistent_hash with many vnodes gives each shard about 1/N of the keys', () => {
    const m = consistentHashMap(names, 512);
    const counts = [0, 0, 0, 0];
    for (let key = 1; key <= 40_000; key++) counts[m.shardOf(key)]!++;
    for (const c of counts) expect(Math.abs(c / 40_000 - 0.25)).toBeLessThan(0.03);
  });

  it('range: key k goes to the number of boundaries <= k', () => {
    const m = rangeMap(['a', 'b', 'c'], [10, 20]);
    expect([0, 9, 10, 19, 20, 4_000_000_000].map((k) => m.names[m.shardOf(k)])).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('even boundaries split 1..n into equal ranges', () => {
    expect(evenBoundaries(1000, 4)).toEqual([251, 501, 751]);
    const m = rangeMap(names, evenBoundaries(1000, 4));
    const counts = [0, 0, 0, 0];
    for (let key = 1; key <= 1000; key++) counts[m.shardOf(key)]!++;
    expect(counts).toEqual([250, 250, 250, 250]);
  });

  it('is deterministic: fixed values that would change if the hash or ring changed', () => {
    const m = consistentHashMap(names, 16);
    const routed = [1, 2, 3, 42, 1_000_000].map((k) => m.shardOf(k));
    expect(consistentHashMap(names, 16).shardOf(42)).toBe(routed[3]);
    expect(routed).toMatchInlineSnapshot(`
      [
        0,
        0,
        2,
        1,
        3,
      ]
    `);
  });

  it('refuses bad configurations with the parameter and the value', () => {
    expect(() => moduloMap([])).toThrow(/at least one shard/);
    expect(() => moduloMap(['a', 'a'])).toThrow(/a is listed twice/);
    expect(() => rangeMap(['a', 'b', 'c'], [5])).toThrow(/3 shards need 2 boundaries \(got 1\)/);
    expect(() => rangeMap(['a', 'b', 'c'], [5, 5])).toThrow(/must increase \(got 5, 5\)/);
    expect(() => consistentHashMap(['a'], 0)).toThrow(/vnodes must be a whole number >= 1 \(got 0\)/);
    expect(() => shardMap('range', ['a'], { vnodes: 1, boundaries: [] }).shardOf(7)).not.toThrow();
  });
});
