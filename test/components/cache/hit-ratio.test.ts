// The hit ratio emerges from key popularity, capacity, policy and TTL — checked against
// theory for independent (Poisson) requests: C/K for uniform keys, Che's approximation for
// LRU, the FIFO/random approximation for random eviction, the renewal formula for TTLs.
import { describe, expect, it } from 'vitest';
import { exponentialRate } from '../../../src/engine/random/continuous.js';
import { uniformInt } from '../../../src/engine/random/discrete.js';
import { zipf } from '../../../src/engine/random/zipf.js';
import type { Distribution } from '../../../src/engine/types.js';
import { cacheWorld } from './helpers.js';

/** Poisson requests at `rate` for keys drawn from `keys`; statistics reset after `warmup`
 * requests, then `n` more are measured. Returns the cache's measured hit ratio. */
function measure(config: Record<string, unknown>, keys: Distribution, rate: number, warmup: number, n: number): number {
  const w = cacheWorld({ engine: 'in_process', scope: 'shared', ...config });
  const flow = w.readFlow();
  const rng = w.sim.stream('test/keys');
  const gap = exponentialRate(rate);
  let sent = 0;
  const arrive = (): void => {
    if (sent === warmup) w.cache.resetStats(w.sim.now);
    if (sent++ === warmup + n) return;
    w.flow.start(w.request(0, [keys.sample(rng)]), flow);
    w.sim.schedule(gap.sample(rng), arrive, null);
  };
  w.sim.schedule(0, arrive, null);
  w.sim.run();
  const report = w.cache.report(w.sim.now);
  expect(report.extra!.gets).toBe(n);
  return report.hitRatio!;
}

/** Popularity p_k ∝ k^-s over k = 1..n. */
function zipfProbabilities(s: number, n: number): number[] {
  const w = Array.from({ length: n }, (_, k) => (k + 1) ** -s);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** Solve f(T) = C for the characteristic time T (f increasing), by bisection. */
function characteristicTime(occupancy: (t: number) => number, capacity: number): number {
  let lo = 0;
  let hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Che's approximation of the LRU hit ratio (Che, Tung & Wang 2002). */
function cheLru(p: number[], capacity: number): number {
  const t = characteristicTime((x) => p.reduce((s, q) => s - Math.expm1(-q * x), 0), capacity);
  return p.reduce((s, q) => s - q * Math.expm1(-q * t), 0);
}

/** FIFO and random eviction share this approximation (Gelenbe 1973; Martina et al. 2014). */
function fifoRandom(p: number[], capacity: number): number {
  const t = characteristicTime((x) => p.reduce((s, q) => s + (q * x) / (1 + q * x), 0), capacity);
  return p.reduce((s, q) => s + (q * q * t) / (1 + q * t), 0);
}

const RATE = 1000;

describe('cache hit ratio (theory)', () => {
  it('is C/K for uniform keys without TTL (K = 1000, C = 250)', () => {
    const h = measure({ capacity: 250 }, uniformInt(1, 1000), RATE, 20_000, 100_000);
    expect(Math.abs(h - 0.25)).toBeLessThan(0.01);
  });

  it('follows Che\'s approximation for LRU under Zipf(1) keys, far above C/K', () => {
    const p = zipfProbabilities(1, 1000);
    const expected = cheLru(p, 100);
    expect(expected).toBeGreaterThan(0.5); // vs C/K = 0.1
    const h = measure({ capacity: 100 }, zipf(1, 1000), RATE, 20_000, 100_000);
    expect(Math.abs(h - expected)).toBeLessThan(0.01);
  });

  it('follows the FIFO/random approximation for random eviction, below LRU', () => {
    const p = zipfProbabilities(1, 1000);
    const expected = fifoRandom(p, 100);
    expect(expected).toBeLessThan(cheLru(p, 100));
    const h = measure({ capacity: 100, eviction: 'random' }, zipf(1, 1000), RATE, 20_000, 100_000);
    expect(Math.abs(h - expected)).toBeLessThan(0.01);
  });

  it('does better with LFU than LRU under static popularity, but no better than the top C keys', () => {
    const p = zipfProbabilities(1, 1000);
    const topC = p.slice(0, 100).reduce((a, b) => a + b, 0);
    const h = measure({ capacity: 100, eviction: 'lfu' }, zipf(1, 1000), RATE, 20_000, 100_000);
    expect(h).toBeGreaterThan(cheLru(p, 100) + 0.01);
    expect(h).toBeLessThan(topC + 0.005);
  });

  it('matches λτ/(1 + λτ) per key with a TTL and room for every key', () => {
    // 100 keys at 1000/s: each key is read 10 times a second; a 100 ms TTL gives λτ = 1
    const h = measure({ capacity: 1000, ttl: '100ms' }, uniformInt(1, 100), RATE, 20_000, 100_000);
    expect(Math.abs(h - 0.5)).toBeLessThan(0.01);
  });

  it('loses its hits when the TTL is much shorter than the time between reads of a key', () => {
    // λτ = 10/s × 1 ms = 0.01: theory 0.0099
    const h = measure({ capacity: 1000, ttl: '1ms' }, uniformInt(1, 100), RATE, 5_000, 50_000);
    expect(h).toBeLessThan(0.015);
  });
});
