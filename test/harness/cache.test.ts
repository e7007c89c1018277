import { describe, expect, it } from 'vitest';
import { cacheAside, invalidate, MemoryCache } from '../../src/harness/cache.js';
import { RequestTiming } from '../../src/harness/timing.js';

function clock(start = 0) {
  const c = { t: start, now: () => c.t };
  return c;
}

describe('MemoryCache', () => {
  it('returns what was set until the TTL passes', async () => {
    const c = clock();
    const cache = new MemoryCache(10, c.now);
    await cache.set('a', '1', 100);
    c.t = 99;
    expect(await cache.get('a')).toBe('1');
    c.t = 100;
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0); // the expired entry was dropped on read
  });

  it('evicts the least recently used entry beyond capacity', async () => {
    const cache = new MemoryCache(3, clock().now);
    for (const k of ['a', 'b', 'c']) await cache.set(k, k, 1000);
    await cache.get('a'); // a is now the most recent; b the least
    await cache.set('d', 'd', 1000);
    expect(cache.size).toBe(3);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('a');
    expect(await cache.get('c')).toBe('c');
    expect(await cache.get('d')).toBe('d');
  });

  it('overwriting a key refreshes its value, TTL and recency', async () => {
    const c = clock();
    const cache = new MemoryCache(2, c.now);
    await cache.set('a', 'old', 10);
    await cache.set('b', 'b', 1000);
    await cache.set('a', 'new', 1000);
    await cache.set('c', 'c', 1000); // evicts b, the least recent
    c.t = 500;
    expect(await cache.get('a')).toBe('new');
    expect(await cache.get('b')).toBeUndefined();
  });

  it('deletes', async () => {
    const cache = new MemoryCache(2);
    await cache.set('a', '1', 1000);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
  });

  it('refuses a capacity below 1, naming it', () => {
    expect(() => new MemoryCache(0)).toThrow('cache capacity must be an integer >= 1, got 0');
  });
});

describe('cacheAside', () => {
  it('loads on a miss, serves the copy on a hit, and counts both', async () => {
    const cache = new MemoryCache(10);
    const t = new RequestTiming();
    let loads = 0;
    const load = async () => ({ id: 7, n: ++loads });
    expect(await cacheAside(cache, t, 'k', 1000, load)).toEqual({ id: 7, n: 1 });
    expect(await cacheAside(cache, t, 'k', 1000, load)).toEqual({ id: 7, n: 1 });
    expect(loads).toBe(1);
    expect([t.cacheHits, t.cacheMisses]).toEqual([1, 1]);
    expect(await cache.get('k')).toBe('{"id":7,"n":1}');
  });

  it('does not cache "not found"', async () => {
    const cache = new MemoryCache(10);
    const t = new RequestTiming();
    expect(await cacheAside(cache, t, 'k', 1000, async () => undefined)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('without a cache always loads and counts nothing', async () => {
    const t = new RequestTiming();
    let loads = 0;
    await cacheAside(undefined, t, 'k', 1000, async () => ++loads);
    await cacheAside(undefined, t, 'k', 1000, async () => ++loads);
    expect(loads).toBe(2);
    expect([t.cacheHits, t.cacheMisses, t.cache]).toEqual([0, 0, 0]);
  });

  it('invalidate removes the entry so the next read loads again', async () => {
    const cache = new MemoryCache(10);
    const t = new RequestTiming();
    await cacheAside(cache, t, 'k', 1000, async () => 'v1');
    await invalidate(cache, t, 'k');
    expect(await cacheAside(cache, t, 'k', 1000, async () => 'v2')).toBe('v2');
  });
});
