// LFU policy: exact order on a hand-made sequence, and agreement with a model that sorts
// entries by (reads, time of last read or store) on random sequences.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LfuPolicy } from '../../../../src/components/policies/eviction/lfu.js';

describe('LfuPolicy', () => {
  it('evicts the least read, the least recent among equals', () => {
    const p = new LfuPolicy();
    p.resize(4);
    p.added(0);
    p.added(1);
    p.added(2);
    p.touched(1);
    p.touched(0);
    expect(p.order()).toEqual([{ slot: 2, count: 1 }, { slot: 1, count: 2 }, { slot: 0, count: 2 }]);
    p.touched(1);
    p.added(3);
    expect(p.order().map((e) => e.slot)).toEqual([2, 3, 0, 1]);
    expect(p.victim()).toBe(2);
    p.removed(2);
    expect(p.victim()).toBe(3);
    p.removed(0); // the middle of a bucket of one
    expect(p.order()).toEqual([{ slot: 3, count: 1 }, { slot: 1, count: 3 }]);
    // a slot reused after removal starts counting afresh
    p.added(0);
    expect(p.order()).toEqual([{ slot: 3, count: 1 }, { slot: 0, count: 1 }, { slot: 1, count: 3 }]);
  });

  it('matches a sorted model on random operation sequences', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(3), fc.nat(7)), { maxLength: 300 }), (ops) => {
      const p = new LfuPolicy();
      p.resize(8);
      const model = new Map<number, { count: number; at: number }>();
      ops.forEach(([op, slot], time) => {
        const e = model.get(slot);
        if (e === undefined) {
          p.added(slot);
          model.set(slot, { count: 1, at: time });
        } else if (op === 0) {
          p.removed(slot);
          model.delete(slot);
        } else {
          p.touched(slot);
          model.set(slot, { count: e.count + 1, at: time });
        }
        const expected = [...model.entries()]
          .sort((a, b) => a[1].count - b[1].count || a[1].at - b[1].at)
          .map(([s, v]) => ({ slot: s, count: v.count }));
        expect(p.order()).toEqual(expected);
        if (expected.length > 0) expect(p.victim()).toBe(expected[0]!.slot);
      });
    }));
  });
});
