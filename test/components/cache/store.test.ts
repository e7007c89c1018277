// CacheStore: LRU eviction order, TTL expiry exactly at the boundary, invalidation, reuse of
// freed slots, and memory bounded by capacity whatever the number of distinct keys.
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../../src/components/cache/store.js';
import { LruPolicy } from '../../../src/components/policies/eviction/lru.js';

const lru = (capacity: number) => new CacheStore(capacity, new LruPolicy());

describe('CacheStore', () => {
  it('evicts the least recently used key when full', () => {
    const s = lru(3);
    for (const k of [1, 2, 3]) s.set(k, Infinity, 0);
    expect(s.get(1, 0)).toBe(true); // order now 2, 3, 1
    s.set(4, Infinity, 0); // evicts 2
    expect([s.has(2, 0), s.has(1, 0), s.has(3, 0), s.has(4, 0)]).toEqual([false, true, true, true]);
    s.set(3, Infinity, 0); // an overwrite counts as use: order 1, 4, 3
    s.set(5, Infinity, 0); // evicts 1
    expect([1, 3, 4, 5].map((k) => s.has(k, 0))).toEqual([false, true, true, true]);
    expect([s.size, s.evictions, s.sets, s.hits]).toEqual([3, 2, 6, 1]);
  });

  it('expires an entry exactly ttl after it was set', () => {
    const s = lru(10);
    s.set(7, 0.25 + 10, 0.25);
    expect(s.get(7, 10.25 - 1e-9)).toBe(true);
    expect(s.get(7, 10.25)).toBe(false); // at the boundary the entry is gone
    expect([s.expirations, s.size, s.hits, s.misses]).toEqual([1, 0, 1, 1]);
    s.set(7, 20, 10.5);
    expect(s.get(7, 20 + 1e-9)).toBe(false);
    expect(s.expirations).toBe(2);
  });

  it('forgets a deleted key and reuses its slot before evicting', () => {
    const s = lru(2);
    s.set(1, Infinity, 0);
    s.set(2, Infinity, 0);
    expect(s.delete(1, 0)).toBe(true);
    expect(s.delete(1, 0)).toBe(false);
    expect(s.get(1, 0)).toBe(false);
    s.set(3, Infinity, 0);
    expect([s.has(2, 0), s.has(3, 0), s.evictions, s.slots]).toEqual([true, true, 0, 2]);
  });

  it('holds at most capacity entries after 10^6 distinct keys', () => {
    const s = lru(1000);
    for (let k = 0; k < 1_000_000; k++) s.set(2 ** 32 + k, Infinity, k);
    expect(s.size).toBe(1000);
    expect(s.slots).toBe(1000);
    expect(s.tableSize).toBeLessThanOrEqual(4096);
    expect(s.evictions).toBe(999_000);
    // the last 1000 keys are the ones kept
    expect(s.has(2 ** 32 + 999_000, 0)).toBe(true);
    expect(s.has(2 ** 32 + 998_999, 0)).toBe(false);
    // level k+1 from time k while filling (k < 999), then 1000 until 10^6
    expect(s.entries.mean(1_000_000)).toBeCloseTo((999 * 1000 / 2 + 1000 * (1e6 - 999)) / 1e6, 9);
  });
});
