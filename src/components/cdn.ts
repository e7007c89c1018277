/**
 * `cdn`: an edge cache (CloudFront, Fastly, Cloudflare) in front of the origin entry. Only
 * the endpoints listed under `cacheable` are cached, each with its TTL and the key spaces
 * that tell its objects apart (`static_asset: { ttl: 1d, key: asset }`); the hit ratio is
 * never typed in — it emerges from object popularity, the edge's capacity and the TTLs —
 * and the report gives the origin offload (the share of requests the origin never saw).
 */
import { z } from 'zod';
import { constant } from '../engine/random/continuous.js';
import { fromSpec } from '../engine/random/spec.js';
import type { Distribution } from '../engine/types.js';
import { timeDistribution } from '../model/schema/distribution.js';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count, duration } from '../model/schema/units.js';
import { CacheStore } from './cache/store.js';
import { Cdn } from './cdn/edge.js';
import type { ObjectClass } from './cdn/object-key.js';
import type { Entry } from './contracts.js';
import { defineComponent, type BuildEnv } from './define.js';
import { EVICTION_POLICIES, evictionPolicy } from './policies/eviction/index.js';
import { FORWARD_KINDS } from './rate-limiter.js';

export { Cdn } from './cdn/edge.js';

const DEFAULT_HIT_LATENCY = 0.001;

const objectClass = z.union([
  duration(),
  z.strictObject({
    ttl: duration().describe('How long an object stays fresh at the edge, e.g. 1d.'),
    key: z.union([name('key space'), z.array(name('key space')).min(1)]).optional()
      .describe('Key space(s) whose values tell the objects apart, e.g. asset or [user, item] (default: one object for the endpoint).'),
  }),
]).describe('A TTL (one object for the whole endpoint, e.g. 60s) or { ttl, key } (one object per key value).');

const schema = z.strictObject({
  kind: z.literal('cdn'),
  origin: name('component').describe('Where misses and uncached requests go: a load_balancer, app_tier, rate_limiter or another cdn.'),
  cacheable: z.record(name('endpoint'), objectClass)
    .describe('Cacheable endpoints with their TTL and object key, e.g. { static_asset: { ttl: 1d, key: asset }, get_popular_items: 60s }; others pass through.'),
  capacity: count({ min: 1 }).describe('Most objects the edge holds, e.g. 100k; beyond it the eviction policy makes room.'),
  eviction: z.enum(EVICTION_POLICIES).default('lru').describe('Which object makes room when full: lru, lfu or random.'),
  hit_latency: z.union([duration(), timeDistribution()]).optional()
    .describe(`Time to answer from the edge: a duration or a time distribution (default ${DEFAULT_HIT_LATENCY * 1000}ms).`),
  origin_rtt: duration().prefault(0)
    .describe('Edge ↔ origin round trip, added to misses and uncached requests (default 0: latencies start at the front door).'),
  collapse: z.boolean().default(true)
    .describe('Concurrent misses on one object wait for the first fetch instead of all reaching the origin (default true).'),
  price_per_million_requests: z.number().nonnegative().default(0)
    .describe('Price per million requests served at the edge, in dollars (CloudFront HTTPS: about 1.0).'),
}).superRefine((c, ctx) => {
  for (const [endpoint, cls] of Object.entries(c.cacheable)) {
    const ttl = typeof cls === 'number' ? cls : cls.ttl;
    if (!(ttl > 0)) {
      reject(ctx, ttl, { code: 'SIM_E_INVALID_VALUE', expected: 'a TTL > 0, e.g. 60s', hint: 'leave the endpoint out of `cacheable` to pass it through' },
        typeof cls === 'number' ? ['cacheable', endpoint] : ['cacheable', endpoint, 'ttl']);
    }
  }
}).describe('A CDN / edge cache in front of the origin: per-endpoint TTLs and object keys; hit ratio and origin offload emerge.');

export type CdnConfig = z.output<typeof schema>;

const keysOf = (cls: CdnConfig['cacheable'][string]): string[] =>
  typeof cls === 'number' || cls.key === undefined ? [] : typeof cls.key === 'string' ? [cls.key] : cls.key;

function classesOf(config: CdnConfig, env: BuildEnv): (ObjectClass | null)[] {
  if (env.endpointIndex === undefined) throw new Error('cdn cacheable: the builder provides no endpointIndex');
  const classes: (ObjectClass | null)[] = [];
  for (const [endpoint, cls] of Object.entries(config.cacheable)) {
    const i = env.endpointIndex(endpoint);
    while (classes.length <= i) classes.push(null);
    classes[i] = { ttl: typeof cls === 'number' ? cls : cls.ttl, spaces: keysOf(cls).map((k) => env.keySpaceIndex(k)) };
  }
  return classes;
}

function latencyOf(spec: CdnConfig['hit_latency']): Distribution {
  if (spec === undefined) return constant(DEFAULT_HIT_LATENCY);
  return typeof spec === 'number' ? constant(spec) : fromSpec(spec);
}

export const cdn = defineComponent({
  kind: 'cdn',
  summary: 'Edge cache in front of the origin: per-endpoint TTL and object key, capacity, request collapsing; hit ratio and offload emerge.',
  schema,
  refs: (c) => [{ path: ['origin'], name: c.origin, kinds: FORWARD_KINDS }],
  keySpaces: (c) => Object.entries(c.cacheable).flatMap(([endpoint, cls]) => {
    const keys = keysOf(cls);
    const single = typeof cls !== 'number' && typeof cls.key === 'string';
    return keys.map((k, i) => ({ path: single ? ['cacheable', endpoint, 'key'] : ['cacheable', endpoint, 'key', i], name: k }));
  }),
  endpoints: (c) => Object.keys(c.cacheable).map((e) => ({ path: ['cacheable', e], name: e })),
  build(cdnName, config, env): Cdn {
    const origin = env.lookup<Entry>(config.origin);
    if (typeof origin?.accept !== 'function') throw new Error(`cdn ${cdnName}: origin ${config.origin} takes no traffic`);
    return new Cdn(cdnName, {
      ctx: env.ctx,
      flow: env.flow,
      origin,
      store: new CacheStore(config.capacity, evictionPolicy(config.eviction, env.ctx.stream('evict'))),
      classes: classesOf(config, env),
      hitLatency: latencyOf(config.hit_latency),
      originRtt: config.origin_rtt,
      collapse: config.collapse,
      pricePerMillion: config.price_per_million_requests,
    });
  },
});
