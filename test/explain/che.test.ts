// Cache hit ratios from theory: Che's approximation for LRU (C/K for uniform keys, the
// Zipf figure the cache's own tests measured by simulation), the TTL and invalidation
// formulas, the other evictions, and key popularity binned so that 10^8 keys stay cheap.
import { describe, expect, it } from 'vitest';
import { estimateHits, ttlHit, type CacheShape } from '../../src/explain/che.js';
import { hotsetGroups, popularityOf, zipfGroups, type Popularity } from '../../src/explain/popularity.js';
import { recentWriterShare } from '../../src/explain/routing.js';

const lru = (popularity: Popularity, capacity: number, extra: Partial<CacheShape> = {}, deleteRate = 0) =>
  estimateHits({ capacity, eviction: 'lru', ttl: Infinity, streams: [{ popularity, getRate: 1000, deleteRate }], ...extra });

/** Che's approximation with one group per key, by plain bisection: the reference for the binned version. */
function cheExact(p: number[], capacity: number): number {
  const occupancy = (t: number) => p.reduce((s, q) => s - Math.expm1(-q * t), 0);
  let lo = 0, hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return p.reduce((s, q) => s - q * Math.expm1(-q * lo), 0);
}

function zipfProbabilities(s: number, n: number): number[] {
  const w = Array.from({ length: n }, (_, k) => Math.pow(k + 1, -s));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

describe("Che's approximation (LRU)", () => {
  it('gives C/K for uniform keys (K = 1000, C = 250), whatever the rate', () => {
    const uniform = popularityOf({ uniform_int: { min: 1, max: 1000 } });
    expect(lru(uniform, 250).overall).toBeCloseTo(0.25, 12);
    const slow = estimateHits({ capacity: 250, eviction: 'lru', ttl: Infinity, streams: [{ popularity: uniform, getRate: 0.5, deleteRate: 0 }] });
    expect(slow.overall).toBeCloseTo(0.25, 12);
  });

  it('gives 0.5765 for Zipf(1, 1000) with C = 100, within 0.01 of the simulated 0.5797', () => {
    const h = lru(zipfGroups(1, 1000), 100).overall;
    expect(h).toBeCloseTo(0.5765, 4);
    expect(Math.abs(h - 0.5797)).toBeLessThan(0.01);
    expect(h).toBeCloseTo(cheExact(zipfProbabilities(1, 1000), 100), 10);
  });

  it('bins the Zipf tail without losing accuracy (n = 200k against one group per key)', () => {
    const n = 200_000;
    const binned = zipfGroups(0.8, n);
    expect(binned.length).toBeLessThan(20_000);
    expect(binned.reduce((s, g) => s + g.count, 0)).toBe(n);
    expect(binned.reduce((s, g) => s + g.count * g.p, 0)).toBeCloseTo(1, 12);
    expect(lru(binned, 5000).overall).toBeCloseTo(cheExact(zipfProbabilities(0.8, n), 5000), 6);
  });

  it('handles 10^8 keys in a few thousand groups, between C/K and the top-C bound', () => {
    const groups = zipfGroups(0.9, 1e8);
    // the head's 10^4 ranks one by one, then 0.2%-wide bins: O(log n) groups, so it is quick
    expect(groups.length).toBeLessThan(15_000);
    const capacity = 1e6;
    const h = lru(groups, capacity);
    const top = estimateHits({ capacity, eviction: 'lfu', ttl: Infinity, streams: [{ popularity: groups, getRate: 1000, deleteRate: 0 }] });
    expect(h.overall).toBeGreaterThan(capacity / 1e8);
    expect(h.overall).toBeLessThan(top.overall);
    expect(Number.isFinite(h.characteristicTime)).toBe(true);
  });

  it('orders the evictions under static popularity: random < LRU < LFU (top C)', () => {
    const z = zipfGroups(1, 1000);
    const of = (eviction: 'lru' | 'lfu' | 'random') => lru(z, 100, { eviction }).overall;
    const topC = zipfProbabilities(1, 1000).slice(0, 100).reduce((a, b) => a + b, 0);
    expect(of('random')).toBeLessThan(of('lru'));
    expect(of('lru')).toBeLessThan(of('lfu'));
    expect(of('lfu')).toBeCloseTo(topC, 12);
  });
});

describe('TTL and invalidation', () => {
  it('matches λτ/(1 + λτ) per key when every key fits (100 keys at 1000/s, τ = 100 ms: 0.5)', () => {
    const h = lru(popularityOf({ uniform_int: { min: 1, max: 100 } }), 1000, { ttl: 0.1 });
    expect(h.overall).toBeCloseTo(0.5, 12);
    expect(h.characteristicTime).toBe(Infinity);
  });

  it('loses a read to each invalidation: λ/(λ + δ) for one key that always fits', () => {
    const h = lru(popularityOf(null), 10, {}, 250);
    expect(h.overall).toBeCloseTo(1000 / 1250, 12);
  });

  it('ttlHit: an entry lives min(τ, Exp(δ)) and serves λ·E[life] hits per miss', () => {
    expect(ttlHit(10, 0, 1)).toBeCloseTo(10 / 11, 14);
    expect(ttlHit(10, 2, Infinity)).toBeCloseTo(5 / 6, 14);
    const life = -Math.expm1(-2 * 1) / 2;
    expect(ttlHit(10, 2, 1)).toBeCloseTo((10 * life) / (1 + 10 * life), 14);
    expect(ttlHit(0, 0, 1)).toBe(0);
  });

  it('refuses a capacity below 1 with the value in the message', () => {
    expect(() => lru(popularityOf(null), 0)).toThrow(/capacity must be >= 1 \(got 0\)/);
  });
});

describe('key popularity and read-your-writes', () => {
  it('splits a hot set as the sampler does (80/20 over 1000 keys)', () => {
    const [hot, cold] = hotsetGroups(1000, 0.2, 0.8);
    expect(hot).toEqual({ count: 200, p: 0.8 / 200 });
    expect(cold!.count).toBe(800);
    expect(cold!.p).toBeCloseTo(0.2 / 800, 15);
    expect(hotsetGroups(1, 0.5, 0.5)).toEqual([{ count: 1, p: 1 }]);
  });

  it('sends reads to the primary with probability 1 − e^{−W·w} for a single user', () => {
    expect(recentWriterShare(popularityOf(null), 3, 0.5)).toBeCloseTo(-Math.expm1(-1.5), 14);
    expect(recentWriterShare(popularityOf(null), 0, 0.5)).toBe(0);
    // many equally likely users: each writes rarely, so almost no read follows its own write
    expect(recentWriterShare(popularityOf({ uniform_int: { min: 1, max: 1e6 } }), 10, 1)).toBeCloseTo(-1e6 * 1e-6 * Math.expm1(-10 / 1e6), 12);
  });
});
