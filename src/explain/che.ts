/**
 * Steady-state cache hit ratios from key popularity, capacity, eviction and TTL, for
 * independent (Poisson) requests. LRU uses Che's approximation: a key is in the cache when
 * it was requested within the characteristic time T, found from Σ P(key cached) = capacity.
 * Random eviction uses the FIFO/random analogue, LFU the static top-C bound. A TTL τ caps a
 * key's hit probability at λτ/(1 + λτ); invalidations (cache_delete) at rate δ cut both.
 * First-touch misses are not counted: a cold cache takes time to reach these figures.
 */
import type { Popularity } from './popularity.js';

export type Eviction = 'lru' | 'lfu' | 'random';

/** The requests of one key template: its popularity and its get and delete rates (per second). */
export interface KeyStream {
  readonly popularity: Popularity;
  readonly getRate: number;
  readonly deleteRate: number;
}

export interface CacheShape {
  readonly capacity: number;
  readonly eviction: Eviction;
  /** Seconds; Infinity for none. */
  readonly ttl: number;
  readonly streams: readonly KeyStream[];
}

export interface HitEstimate {
  /** Hit ratio of each stream's gets, in the order given. */
  readonly streams: readonly number[];
  /** Over all gets (0 when there are none). */
  readonly overall: number;
  /** Che's characteristic time (LRU, random) in seconds; Infinity when every key fits. */
  readonly characteristicTime: number;
  readonly method: string;
}

/** A key read at rate λ and invalidated at rate δ, entries living at most τ: P(hit) under TTL alone.
 * An entry lives L = E[min(τ, Exp(δ))]; each life serves λL hits, then one miss sets it again. */
export function ttlHit(lambda: number, delta: number, ttl: number): number {
  if (lambda <= 0) return 0;
  if (ttl === Infinity && delta === 0) return 1;
  const life = delta > 0 ? (ttl === Infinity ? 1 / delta : -Math.expm1(-delta * ttl) / delta) : ttl;
  return (lambda * life) / (1 + lambda * life);
}

/** Che: cached iff read within T and not invalidated since: λ/(λ+δ)·(1 − e^{−(λ+δ)T}). */
function lruHit(lambda: number, delta: number, t: number): number {
  if (lambda <= 0) return 0;
  const share = lambda / (lambda + delta);
  return t === Infinity ? share : share * -Math.expm1(-(lambda + delta) * t);
}

/** Random eviction: an entry lives Exp(T) unless invalidated first: λT/(1 + (λ+δ)T). */
function randomHit(lambda: number, delta: number, t: number): number {
  if (lambda <= 0) return 0;
  return t === Infinity ? lambda / (lambda + delta) : (lambda * t) / (1 + (lambda + delta) * t);
}

type KeyHit = (lambda: number, delta: number, t: number) => number;

/** Sum over every key of `f(its rates)` weighted by count (occupancy) or by count·p (hits). */
function sumKeys(streams: readonly KeyStream[], f: (lambda: number, delta: number) => number, weighted: boolean, out?: number[]): number {
  let total = 0;
  for (const s of streams) {
    let sum = 0;
    for (const g of s.popularity) sum += g.count * (weighted ? g.p : 1) * f(s.getRate * g.p, s.deleteRate * g.p);
    out?.push(sum);
    total += sum;
  }
  return total;
}

/** The T at which the expected number of cached keys equals the capacity (Infinity if all fit). */
function characteristicTime(shape: CacheShape, hit: KeyHit): number {
  const occupancy = (t: number) => sumKeys(shape.streams, (l, d) => Math.min(hit(l, d, t), ttlHit(l, d, shape.ttl)), false);
  if (occupancy(Infinity) <= shape.capacity) return Infinity;
  const rate = shape.streams.reduce((s, k) => s + k.getRate, 0);
  let hi = shape.capacity / rate;
  while (occupancy(hi) < shape.capacity) hi *= 2;
  let lo = hi / 2;
  // occupancy(0) = 0 < C <= occupancy(hi): 100 halvings reach the last bit of a double
  if (occupancy(lo) >= shape.capacity) lo = 0;
  for (let i = 0; i < 100 && hi - lo > hi * 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < shape.capacity) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** LFU under static popularity keeps the C most requested keys: rank groups by per-key rate. */
function lfuHits(shape: CacheShape): number[] {
  const groups = shape.streams.flatMap((s, i) => s.popularity.map((g) => ({ i, count: g.count, p: g.p, rate: s.getRate * g.p, delta: s.deleteRate * g.p })));
  groups.sort((a, b) => b.rate - a.rate);
  const hits = shape.streams.map(() => 0);
  let room = shape.capacity;
  for (const g of groups) {
    if (room <= 0 || g.rate <= 0) break;
    const kept = Math.min(g.count, room);
    room -= kept;
    hits[g.i]! += kept * g.p * Math.min(g.rate / (g.rate + g.delta), ttlHit(g.rate, g.delta, shape.ttl));
  }
  return hits;
}

const METHODS: Record<Eviction, string> = {
  lru: "Che's approximation (LRU)",
  random: 'FIFO/random-eviction approximation',
  lfu: 'static LFU bound (the most popular keys that fit)',
};

export function estimateHits(shape: CacheShape): HitEstimate {
  if (!(shape.capacity >= 1)) throw new RangeError(`cache capacity must be >= 1 (got ${shape.capacity})`);
  const gets = shape.streams.reduce((s, k) => s + k.getRate, 0);
  const ttlNote = shape.ttl === Infinity ? '' : ', capped by the TTL: λτ/(1 + λτ) per key';
  let streams: number[];
  let t = Infinity;
  if (shape.eviction === 'lfu') {
    streams = lfuHits(shape);
  } else {
    const hit: KeyHit = shape.eviction === 'lru' ? lruHit : randomHit;
    t = gets > 0 ? characteristicTime(shape, hit) : Infinity;
    streams = [];
    sumKeys(shape.streams, (l, d) => Math.min(hit(l, d, t), ttlHit(l, d, shape.ttl)), true, streams);
  }
  const overall = gets > 0 ? shape.streams.reduce((s, k, i) => s + k.getRate * streams[i]!, 0) / gets : 0;
  return { streams, overall, characteristicTime: t, method: METHODS[shape.eviction] + ttlNote };
}
