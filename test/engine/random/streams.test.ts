/**
 * Named streams: same (seed, name) gives the same sequence, different names or seeds give
 * unrelated ones, creating streams never disturbs another, and the draws are exactly
 * seedrandom's tychei `double()` (the documented derivation) — pinned by golden values.
 */
import { describe, expect, it } from 'vitest';
import tychei from 'seedrandom/lib/tychei.js';
import { createStream, deriveSeed, streamSeed } from '../../../src/engine/random/streams.js';
import { CHI2_0_001, chiSquare } from './stat-helpers.js';

function take(seed: string | number, name: string, n: number): number[] {
  const s = createStream(seed, name);
  return Array.from({ length: n }, () => s.next());
}

describe('createStream', () => {
  it('gives identical sequences for the same seed and name', () => {
    expect(take(42, 'arrivals', 1000)).toEqual(take(42, 'arrivals', 1000));
    expect(take('42', 'arrivals', 10)).toEqual(take(42, 'arrivals', 10)); // seeds are compared as strings
  });

  it('pins the derivation with golden values (changing it changes every golden run)', () => {
    expect(take(42, 'arrivals', 3)).toEqual([0.6823070988387322, 0.2653604704714343, 0.6655497896922419]);
    expect(take('run-1', 'db/primary', 2)).toEqual([0.3184919256057429, 0.06812594023300733]);
  });

  it("is exactly seedrandom's tychei double() seeded with `${seed}\\u0000${name}`", () => {
    expect(streamSeed(7, 'cache')).toBe('7\u0000cache');
    const ours = createStream(7, 'cache');
    const theirs = tychei('7\u0000cache');
    for (let i = 0; i < 10_000; i++) expect(ours.next()).toBe(theirs.double());
  });

  it('gives different sequences for different names and seeds', () => {
    const a = take(1, 'db/1', 50);
    expect(take(1, 'db/2', 50)).not.toEqual(a);
    expect(take(2, 'db/1', 50)).not.toEqual(a);
    expect(take(1, 'db/10', 50)).not.toEqual(a);
    // The NUL separator keeps ("1", "1x") and ("11", "x") apart.
    expect(take(1, '1x', 5)).not.toEqual(take(11, 'x', 5));
  });

  it('is not disturbed by creating or drawing from other streams', () => {
    const alone = take(3, 'lb', 100);
    const lb = createStream(3, 'lb');
    const got: number[] = [];
    for (let i = 0; i < 100; i++) {
      const other = createStream(3, `extra-${i}`);
      other.next();
      got.push(lb.next());
    }
    expect(got).toEqual(alone);
  });

  it('draws in (0, 1) with a uniform histogram', () => {
    const s = createStream(5, 'uniformity');
    const counts = new Array<number>(100).fill(0);
    let outside = 0;
    for (let i = 0; i < 200_000; i++) {
      const u = s.next();
      if (!(u > 0 && u < 1)) outside++;
      else counts[Math.floor(u * 100)]!++;
    }
    expect(outside).toBe(0);
    expect(chiSquare(counts, new Array(100).fill(0.01))).toBeLessThan(CHI2_0_001[99]!);
  });

  it('gives independent-looking first draws across 20,000 adjacent names', () => {
    const counts = new Array<number>(20).fill(0);
    let cross = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const a = createStream(9, `server-${i}`).next();
      const b = createStream(9, `server-${i + 1}`).next();
      counts[Math.floor(a * 20)]!++;
      cross += (a - 0.5) * (b - 0.5);
    }
    expect(chiSquare(counts, new Array(20).fill(0.05))).toBeLessThan(CHI2_0_001[19]!);
    // Correlation of neighbours' first draws: 5 standard errors of (1/12)/√n around 0.
    expect(Math.abs(cross / n)).toBeLessThan((5 * (1 / 12)) / Math.sqrt(n));
  });

  it('rejects seeds that would be ambiguous or meaningless', () => {
    expect(() => createStream(NaN, 'x')).toThrow('seed must be a finite number or a string (got NaN)');
    expect(() => createStream(Infinity, 'x')).toThrow('seed must be a finite number or a string (got Infinity)');
    expect(() => createStream('a\u0000b', 'x')).toThrow('seed must not contain U+0000 (got "a\\u0000b")');
  });
});

describe('deriveSeed', () => {
  it('is deterministic, pinned, and distinct per part', () => {
    expect(deriveSeed(42, 'rep', 0)).toBe('f774e65bbb8ddcba');
    expect(deriveSeed(42, 'rep', 1)).toBe('74a72f8e89ed84dc');
    expect(deriveSeed(42)).toBe('138cf8cfa27209c2');
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => deriveSeed(42, 'rep', i)));
    expect(seeds.size).toBe(1000);
    expect(deriveSeed('42', 'rep', '1')).toBe(deriveSeed(42, 'rep', 1));
  });

  it('gives streams unrelated to the parent seed', () => {
    expect(take(deriveSeed(1, 'rep', 0), 'x', 5)).not.toEqual(take(1, 'x', 5));
  });

  it('rejects parts containing its separator', () => {
    expect(() => deriveSeed('a\u0001b')).toThrow('deriveSeed: parts must not contain U+0001');
  });
});
