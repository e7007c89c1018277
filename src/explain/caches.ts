/**
 * Hit ratios of the model's caches at given endpoint rates: the gets and invalidations of
 * each key template (per store: an in-process cache has one per app instance), the key
 * popularity of the template's key space, and the cache's capacity, eviction and TTL,
 * handed to the estimates in che.ts.
 */
import { templateSpaces } from '../flow/keys.js';
import { keySpec, type Catalogue } from './catalogue.js';
import { estimateHits, type Eviction, type HitEstimate } from './che.js';
import type { Item } from './items.js';
import { popularityOf, SINGLE_KEY, type Popularity } from './popularity.js';

export interface CacheStreams {
  readonly cache: string;
  /** Stores the requests are spread over (1 for a shared cache). */
  readonly stores: number;
  /** Per key template: gets and deletes per second per store. */
  readonly keys: readonly { readonly key: string; readonly gets: number; readonly deletes: number; readonly keys: number }[];
  readonly estimate: HitEstimate;
}

function templatePopularity(cat: Catalogue, key: string): Popularity {
  const space = templateSpaces(key)[0];
  return space === undefined ? SINGLE_KEY : popularityOf(keySpec(cat.model, space));
}

export function cacheEstimates(cat: Catalogue, rates: readonly number[], items: readonly (readonly Item[])[]): Map<string, CacheStreams> {
  const flows = new Map<string, Map<string, { gets: number; deletes: number }>>();
  items.forEach((list, e) => {
    for (const it of list) {
      if (it.kind !== 'cache' || it.op === 'set') continue;
      const perCache = flows.get(it.cache) ?? new Map<string, { gets: number; deletes: number }>();
      flows.set(it.cache, perCache);
      const f = perCache.get(it.key) ?? { gets: 0, deletes: 0 };
      perCache.set(it.key, f);
      if (it.op === 'get') f.gets += rates[e]! * it.p;
      else f.deletes += rates[e]! * it.p;
    }
  });
  const out = new Map<string, CacheStreams>();
  for (const [name, info] of cat.caches) {
    const stores = info.perInstance ? cat.instances : 1;
    const keys = [...(flows.get(name) ?? new Map<string, { gets: number; deletes: number }>())].map(([key, f]) => {
      const popularity = templatePopularity(cat, key);
      return { key, gets: f.gets / stores, deletes: f.deletes / stores, popularity, keys: popularity.reduce((n, g) => n + g.count, 0) };
    });
    const estimate = estimateHits({
      capacity: info.config.capacity,
      eviction: info.config.eviction as Eviction,
      ttl: info.config.ttl ?? Infinity,
      streams: keys.map((k) => ({ popularity: k.popularity, getRate: k.gets, deleteRate: k.deletes })),
    });
    out.set(name, { cache: name, stores, keys: keys.map(({ key, gets, deletes, keys: n }) => ({ key, gets, deletes, keys: n })), estimate });
  }
  return out;
}

/** The hit ratio of gets on `key` in `cache` (0 before any estimate: a cold start). */
export function hitLookup(estimates: ReadonlyMap<string, CacheStreams> | null): (cache: string, key: string) => number {
  return (cache, key) => {
    const c = estimates?.get(cache);
    const i = c?.keys.findIndex((k) => k.key === key) ?? -1;
    return c === undefined || i < 0 ? 0 : c.estimate.streams[i]!;
  };
}
