/**
 * WarmupGate resets every registered collector once, at the time it is fired.
 */
import { describe, expect, it } from 'vitest';
import { WarmupGate } from '../../../src/engine/stats/warmup.js';
import type { Collector } from '../../../src/engine/stats/warmup.js';
import { Counter } from '../../../src/engine/stats/counter.js';
import { LatencyHistogram } from '../../../src/engine/stats/histogram.js';
import { TimeWeighted } from '../../../src/engine/stats/time-weighted.js';

describe('WarmupGate', () => {
  it('resets registered collectors in order, with the firing time', () => {
    const calls: string[] = [];
    const spy = (name: string): Collector => ({ reset: (now) => calls.push(`${name}@${now}`) });
    const gate = new WarmupGate(100).register(spy('a'), spy('b'));
    gate.register(spy('c'));
    expect(gate.fired).toBe(false);
    gate.fire(100);
    expect(calls).toEqual(['a@100', 'b@100', 'c@100']);
    expect(gate.fired).toBe(true);
    gate.register(spy('late')); // saw only post-warm-up data: left alone
    expect(() => gate.fire(200)).toThrow(/fired twice \(first at 100, again at 200\)/);
    expect(calls).toHaveLength(3);
  });

  it('deletes warm-up data from the real collectors', () => {
    const count = new Counter();
    const latency = new LatencyHistogram();
    const queue = new TimeWeighted(0, 0);
    const gate = new WarmupGate(10).register(count, latency, queue);
    count.add(50);
    latency.record(9);
    queue.set(2, 40); // the initial backlog
    queue.set(8, 2);
    gate.fire(10);
    latency.record(0.1);
    count.add();
    expect(count.value).toBe(1);
    expect([latency.count, latency.max]).toEqual([1, 0.1]);
    expect(queue.mean(20)).toBe(2);
    expect(queue.max).toBe(2);
  });

  it('rejects a warm-up time that is not a finite number >= 0', () => {
    for (const bad of [-1, NaN, Infinity]) expect(() => new WarmupGate(bad)).toThrow(/at \(warm-up time\) must be a finite number of seconds >= 0/);
  });
});
