// The endpoint mix: shares of picks against weights (chi-square at 0.1%), zero weights
// never picked, and a single endpoint drawing nothing.
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random/streams.js';
import { EndpointMix, mixShares } from '../../src/workload/mix.js';
import { CHI2_0_001, chiSquare } from '../engine/random/stat-helpers.js';

const index = (name: string): number => ['a', 'b', 'c', 'd', 'e'].indexOf(name);

describe('EndpointMix', () => {
  it('picks endpoints in proportion to their weights', () => {
    const mix = new EndpointMix({ a: 8, b: 1, c: 0.5, e: 0.5 }, index);
    const rng = createStream(11, 'mix');
    const counts = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const e = mix.pick(rng);
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([0, 1, 2, 4]);
    const observed = [0, 1, 2, 4].map((e) => counts.get(e)!);
    expect(chiSquare(observed, [0.8, 0.1, 0.05, 0.05])).toBeLessThan(CHI2_0_001[3]!);
  });
  it('never picks an endpoint of weight 0', () => {
    const mix = new EndpointMix({ a: 0, b: 3, c: 0 }, index);
    const rng = createStream(1, 'zero');
    for (let i = 0; i < 10_000; i++) expect(mix.pick(rng)).toBe(1);
    expect(mix.shares()).toEqual({ b: 1 });
  });
  it('draws nothing for a single endpoint', () => {
    const rng = createStream(1, 'single');
    new EndpointMix({ d: 2 }, index).pick(rng);
    expect(rng.next()).toBe(createStream(1, 'single').next());
  });
  it('reports shares summing to 1, percentages included', () => {
    expect(mixShares({ get_user: 0.8, update_user: 0.2 })).toEqual({ get_user: 0.8, update_user: 0.2 });
    expect(mixShares({ x: 3, y: 1 })).toEqual({ x: 0.75, y: 0.25 });
  });
  it('rejects a mix with no positive weight', () => {
    expect(() => new EndpointMix({ a: 0 }, index)).toThrow('an endpoint mix needs a weight > 0 (got {"a":0})');
  });
});
