// LRU policy: exact order on a hand-made sequence, and agreement with a plain array model
// (move-to-back on touch, evict the front) on random sequences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LruPolicy } from '../../../../src/components/policies/eviction/lru.js';

describe('LruPolicy', () => {
  it('orders slots least to most recently used', () => {
    const p = new LruPolicy();
    p.resize(4);
    p.added(0);
    p.added(1);
    p.added(2);
    p.touched(0);
    expect(p.order()).toEqual([1, 2, 0]);
    expect(p.victim()).toBe(1);
    p.removed(1);
    p.added(1);
    p.touched(1); // already most recent: no change
    p.touched(2);
    expect(p.order()).toEqual([0, 1, 2]);
    p.resize(8); // growing keeps the order
    p.added(5);
    expect(p.order()).toEqual([0, 1, 2, 5]);
    expect(p.victim()).toBe(0);
  });

  it('matches an array model on random operation sequences', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(7)), { maxLength: 200 }), (ops) => {
      const p = new LruPolicy();
      p.resize(8);
      const model: number[] = [];
      for (const [op, slot] of ops) {
        const at = model.indexOf(slot);
        if (at < 0) {
          p.added(slot);
          model.push(slot);
        } else if (op === 0) {
          p.removed(slot);
          model.splice(at, 1);
        } else {
          p.touched(slot);
          model.splice(at, 1);
          model.push(slot);
        }
        expect(p.order()).toEqual(model);
        if (model.length > 0) expect(p.victim()).toBe(model[0]);
      }
    }));
  });
});
