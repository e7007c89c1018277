// The future-event list pops in (time, seq) order whatever the mix of lane and heap.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/event-queue.js';

const noop = (): void => {};

describe('EventQueue', () => {
  it('pops in (time, seq) order for any interleaving of pushes and pops', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }).map((t) => ({ push: t / 4 })), fc.constant({ pop: true })), { maxLength: 300 }),
        (ops) => {
          const q = new EventQueue();
          const ref: { time: number; seq: number }[] = [];
          let seq = 0;
          let now = 0;
          for (const op of ops) {
            if ('push' in op) {
              const time = now + op.push;
              q.push(time, seq, noop, seq);
              ref.push({ time, seq });
              seq++;
            } else {
              ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
              const want = ref.shift();
              const got = q.pop();
              expect(got).toBe(want !== undefined);
              if (want) {
                expect([q.time, q.seq, q.arg]).toEqual([want.time, want.seq, want.seq]);
                now = q.time;
              }
            }
          }
          ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
          for (const want of ref) {
            expect(q.pop()).toBe(true);
            expect([q.time, q.seq]).toEqual([want.time, want.seq]);
          }
          expect(q.pop()).toBe(false);
          expect(q.size).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('grows past its initial capacity in both structures', () => {
    const q = new EventQueue();
    for (let i = 0; i < 1000; i++) q.push(i, i, noop, null); // all into the lane
    for (let i = 0; i < 1000; i++) q.push(999 - i, 1000 + i, noop, null); // mostly into the heap
    let last = -1, lastSeq = -1, n = 0;
    while (q.pop()) {
      expect(q.time > last || (q.time === last && q.seq > lastSeq)).toBe(true);
      last = q.time;
      lastSeq = q.seq;
      n++;
    }
    expect(n).toBe(2000);
  });
});
