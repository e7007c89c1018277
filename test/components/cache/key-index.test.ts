// KeyIndex: the open-addressing table agrees with a Map on random set/delete/get sequences,
// including keys that collide in the table and runs that wrap around its end.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyIndex } from '../../../src/components/cache/key-index.js';

const SPACE = 2 ** 32;

describe('KeyIndex', () => {
  it('stores, replaces and deletes', () => {
    const ix = new KeyIndex();
    const a = 3 * SPACE + 17;
    expect(ix.get(a)).toBe(-1);
    ix.set(a, 5);
    ix.set(a, 6);
    expect([ix.get(a), ix.size]).toEqual([6, 1]);
    expect(ix.get(0)).toBe(-1); // 0 is a key like any other, not "empty"
    ix.set(0, 1);
    expect(ix.get(0)).toBe(1);
    expect(ix.delete(a)).toBe(true);
    expect(ix.delete(a)).toBe(false);
    expect([ix.get(a), ix.get(0), ix.size]).toEqual([-1, 1, 1]);
  });

  // a small random pool of keys per run, so probe runs collide and wrap around the end of
  // the table: up to 10 keys keep it at 16 slots, up to 60 let it grow
  for (const poolSize of [10, 60]) {
    it(`matches a Map on random operation sequences (pools of ${poolSize} keys)`, () => {
      const key = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.nat(2 ** 32 - 1)).map(([ns, k]) => ns * SPACE + k);
      const pool = fc.uniqueArray(key, { minLength: 1, maxLength: poolSize });
      const ops = fc.array(fc.tuple(fc.nat(2), fc.nat(poolSize - 1), fc.nat(1000)), { maxLength: 400 });
      fc.assert(fc.property(pool, ops, (keys, sequence) => {
        const ix = new KeyIndex(1);
        const model = new Map<number, number>();
        for (const [kind, at, v] of sequence) {
          const k = keys[at % keys.length]!;
          if (kind === 0) {
            ix.set(k, v);
            model.set(k, v);
          } else if (kind === 1) {
            expect(ix.delete(k)).toBe(model.delete(k));
          }
          expect(ix.get(k)).toBe(model.get(k) ?? -1);
          expect(ix.size).toBe(model.size);
        }
        for (const [k, v] of model) expect(ix.get(k)).toBe(v);
      }), { numRuns: 300 });
    });
  }

  it('keeps its table within 3× the entries it holds', () => {
    const ix = new KeyIndex();
    for (let k = 0; k < 100_000; k++) ix.set(SPACE + k * 4096, k); // strided keys
    expect(ix.size).toBe(100_000);
    expect(ix.tableSize).toBe(262_144);
    for (let k = 0; k < 100_000; k += 997) expect(ix.get(SPACE + k * 4096)).toBe(k);
  });
});
