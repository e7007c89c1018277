/** Did-you-mean: the edit distance (with adjacent swaps) and when a suggestion is offered. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { didYouMean, editDistance, suggest } from '../../src/model/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['polcy', 'policy', 1], // deletion
    ['plocy', 'policy', 2], // one swap + one deletion
    ['ploicy', 'policy', 1], // one adjacent swap
    ['plociy', 'policy', 2], // two swaps
    ['ca', 'abc', 3], // optimal string alignment, not unrestricted Damerau (which gives 2)
    ['least_conections', 'least_connections', 1],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('is a symmetric, non-negative distance that is 0 only for equal strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      const d = editDistance(a, b);
      expect(d).toBe(editDistance(b, a));
      expect(d === 0).toBe(a === b);
      expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
    }));
  });
});

describe('suggest', () => {
  const policies = ['round_robin', 'weighted_round_robin', 'least_connections', 'random', 'power_of_two_choices', 'hash'];

  it('finds the intended word for typical typos', () => {
    expect(suggest('least_conections', policies)).toBe('least_connections');
    expect(suggest('least-connections', policies)).toBe('least_connections'); // - vs _ is free
    expect(suggest('LeastConnections', policies)).toBe('least_connections'); // case and _ are free
    expect(suggest('radnom', policies)).toBe('random');
    expect(suggest('replcas', ['kind', 'replicas', 'pool'])).toBe('replicas');
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('rr', policies)).toBeUndefined();
    expect(suggest('x', ['y', 'z'])).toBeUndefined(); // one letter is not worth a guess
    expect(suggest('', policies)).toBeUndefined();
    expect(suggest('completely_different', policies)).toBeUndefined();
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
    expect(suggest('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('never suggests the input itself', () => {
    expect(suggest('hash', ['hash'])).toBeUndefined();
  });

  it('phrases the hint', () => {
    expect(didYouMean('polcy', ['policy'])).toBe('did you mean `policy`?');
    expect(didYouMean('zzz', ['policy'])).toBeUndefined();
  });
});
