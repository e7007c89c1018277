// Random eviction: the victim is floor(u × slots) of the stream's draw, and every slot is
// chosen about equally often.
import { describe, expect, it } from 'vitest';
import { RandomPolicy } from '../../../../src/components/policies/eviction/random.js';
import { createStream } from '../../../../src/engine/random/streams.js';
import type { RandomStream } from '../../../../src/engine/types.js';

describe('RandomPolicy', () => {
  it('maps the draw onto the slots', () => {
    const draws = [0, 0.5, 0.999];
    const rng: RandomStream = { name: 'fixed', next: () => draws.shift()! };
    const p = new RandomPolicy(rng);
    p.resize(10);
    expect([p.victim(), p.victim(), p.victim()]).toEqual([0, 5, 9]);
  });

  it('chooses slots uniformly (chi-square, 9 degrees of freedom)', () => {
    const p = new RandomPolicy(createStream(1, 'random-eviction-test'));
    p.resize(10);
    const counts = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[p.victim()]!++;
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // the 99.9% point of chi-square(9)
  });
});
