import { describe, expect, it } from 'vitest';
import { choiceKeys, driverStream, sequentialKeys, uniformKeys, zipfKeys, type KeyGenerator } from '../../../src/harness/driver/keys.js';

const draws = (gen: KeyGenerator, n: number, seed = 's'): (number | string)[] => {
  const rng = driverStream(seed, 'keys');
  return Array.from({ length: n }, () => gen.next(rng));
};

describe('zipfKeys', () => {
  it('draws key k with probability (1/k^s) / H(n, s)', () => {
    // s = 1, n = 10: H = 2.928968…; P(1) = 0.34142, P(2) = 0.17071, P(10) = 0.034142
    const n = 200_000;
    const counts = new Map<number, number>();
    for (const k of draws(zipfKeys(1, 10), n) as number[]) counts.set(k, (counts.get(k) ?? 0) + 1);
    const h = 2.9289682539682538;
    for (const k of [1, 2, 3, 10]) {
      const p = 1 / k / h;
      const sd = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((counts.get(k) ?? 0) / n - p)).toBeLessThan(4 * sd);
    }
    expect([...counts.keys()].every((k) => k >= 1 && k <= 10)).toBe(true);
  });

  it('honours the offset and covers n = 10^6 (s = 1.1: P(rank 1) = 1/H = 0.0966…)', () => {
    const n = 100_000;
    const keys = draws(zipfKeys(1.1, 1_000_000, 0), n) as number[];
    expect(Math.min(...keys)).toBe(0);
    expect(Math.max(...keys)).toBeLessThan(1_000_000);
    let h = 0;
    for (let k = 1; k <= 1_000_000; k++) h += k ** -1.1;
    const p = 1 / h;
    const hits = keys.filter((k) => k === 0).length / n;
    expect(Math.abs(hits - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('is reproducible from the seed', () => {
    expect(draws(zipfKeys(0.9, 1000), 50, 'a')).toEqual(draws(zipfKeys(0.9, 1000), 50, 'a'));
    expect(draws(zipfKeys(0.9, 1000), 50, 'a')).not.toEqual(draws(zipfKeys(0.9, 1000), 50, 'b'));
  });

  it('rejects bad parameters by name', () => {
    expect(() => zipfKeys(0, 10)).toThrow('zipfKeys s = 0 is not allowed: expected a finite number > 0');
    expect(() => zipfKeys(1, 0)).toThrow(/zipfKeys n = 0 .*integer from 1 to 1000000000000/);
    expect(() => zipfKeys(1, 2.5)).toThrow(/zipfKeys n = 2.5/);
  });
});

describe('other key generators', () => {
  it('uniformKeys stays in [min, max] and hits both ends', () => {
    const keys = draws(uniformKeys(5, 8), 2000) as number[];
    expect(new Set(keys)).toEqual(new Set([5, 6, 7, 8]));
    expect(() => uniformKeys(5, 4)).toThrow('uniformKeys max = 4 is not allowed: expected an integer >= min (5)');
  });

  it('sequentialKeys counts up; choiceKeys picks from the list', () => {
    expect(draws(sequentialKeys(10), 3)).toEqual([10, 11, 12]);
    expect(new Set(draws(choiceKeys(['a', 'b']), 200))).toEqual(new Set(['a', 'b']));
    expect(() => choiceKeys([])).toThrow(/choiceKeys values = \[\]/);
  });
});
