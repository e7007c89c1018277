/**
 * The API's cache: string values with a TTL. In-process by default (a Map kept in
 * least-recently-used order, bounded by `capacity`), or Redis when REDIS_URL is set
 * (redis-store.ts). Values are JSON strings in both, so a hit pays the same parse cost.
 */
import { now, type RequestTiming } from './timing.js';

export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** In-process LRU cache with per-entry TTL; `clock` (ms, monotonic) is injectable for tests. */
export class MemoryCache implements Cache {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly capacity: number,
    private readonly clock: () => number = now,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`cache capacity must be an integer >= 1, got ${capacity}`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  getSync(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so Map iteration order stays least- to most-recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  setSync(key: string, value: string, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock() + ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async get(key: string): Promise<string | undefined> {
    return this.getSync(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.setSync(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

/**
 * Cache-aside read: return the cached value, or load it, cache it for `ttlMs` and return it.
 * With no cache (caching switched off) it just loads. `undefined` (not found) is not cached.
 * Round trips are charged to `cache`, JSON (de)serialisation to `cpu`.
 */
export async function cacheAside<T>(
  cache: Cache | undefined,
  t: RequestTiming,
  key: string,
  ttlMs: number,
  load: () => Promise<T | undefined>,
): Promise<T | undefined> {
  if (!cache) return load();
  const hit = await t.wait('cache', () => cache.get(key));
  if (hit !== undefined) {
    t.cacheHits += 1;
    return t.cpuWork(() => JSON.parse(hit) as T);
  }
  t.cacheMisses += 1;
  const value = await load();
  if (value !== undefined) {
    const text = t.cpuWork(() => JSON.stringify(value));
    await t.wait('cache', () => cache.set(key, text, ttlMs));
  }
  return value;
}

/** Drop a key after a write (the invalidation half of cache-aside). */
export async function invalidate(cache: Cache | undefined, t: RequestTiming, key: string): Promise<void> {
  if (cache) await t.wait('cache', () => cache.delete(key));
}
