/**
 * The `cache` component: Redis, Memcached or an in-process map in front of the database.
 * Flows use it through `cache_get` (with `on_miss`), `cache_set` and `cache_delete`; its
 * hit ratio emerges from the keys requests carry, its capacity, eviction policy and TTL.
 * `single_flight` makes concurrent misses on one key wait for the first loader (the
 * stampede guard); `servers` makes operations queue for the cache server's threads.
 */
import { z } from 'zod';
import { fromSpec } from '../engine/random/spec.js';
import type { Distribution } from '../engine/types.js';
import { timeDistribution, type DistributionSpec } from '../model/schema/distribution.js';
import { reject } from '../model/schema/issue.js';
import { count, duration } from '../model/schema/units.js';
import { CACHE_ENGINES, defaultLatency, defaultService, describeDefaults, type CacheEngine, type CacheOp } from './cache/defaults.js';
import { CacheComponent } from './cache/runtime.js';
import { costFields, defineComponent, priceOf, type BuildEnv } from './define.js';
import { EVICTION_POLICIES } from './policies/eviction/index.js';

const latency = (op: CacheOp) => timeDistribution().optional()
  .describe(`Client-seen time of a ${op}, network included (default by engine: ${describeDefaults(op)}).`);

const schema = z.strictObject({
  kind: z.literal('cache'),
  engine: z.enum(CACHE_ENGINES).default('redis')
    .describe('redis | memcached (over the network: pay network.rtt) | in_process (a map inside each app process).'),
  capacity: count({ min: 1 }).describe('Most entries held (per store), e.g. 100k; beyond it the eviction policy makes room.'),
  eviction: z.enum(EVICTION_POLICIES).default('lru')
    .describe('Which entry makes room when full: lru (least recently used), lfu (least frequently used), random.'),
  ttl: duration().optional().describe('Entries expire this long after they are set, e.g. 5m (default: never).'),
  scope: z.enum(['shared', 'per_instance']).optional()
    .describe('shared: one store for every app instance; per_instance: each app instance fills its own (default: per_instance for in_process, else shared).'),
  hit_latency: latency('hit'),
  miss_latency: latency('miss'),
  set_latency: latency('set'),
  delete_latency: latency('delete'),
  single_flight: z.boolean().default(false)
    .describe('Concurrent misses on one key wait for the first loader instead of all querying the database (stampede guard).'),
  servers: count({ min: 1 }).optional()
    .describe('Threads of the cache server (Redis: 1); operations queue for them (default: unlimited, no queueing).'),
  service: timeDistribution().optional()
    .describe('Server time per operation when `servers` is given (default: redis 10µs, memcached 8µs, in_process 1µs).'),
  nodes: count({ min: 1 }).default(1).describe('Cache nodes priced (the simulated store is one logical cache).'),
  ...costFields,
}).superRefine((c, ctx) => {
  if (c.ttl !== undefined && !(c.ttl > 0)) {
    reject(ctx, c.ttl, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 5m', hint: 'omit ttl for entries that never expire' }, ['ttl']);
  }
  if (c.service !== undefined && c.servers === undefined) {
    reject(ctx, c.service, { code: 'SIM_E_INVALID_VALUE', detail: '`service` needs `servers`', hint: 'add `servers: 1` (Redis is single-threaded) or remove `service`' }, ['service']);
  }
}).describe('A cache (Redis, Memcached or in-process) with capacity, eviction and TTL.');

export type CacheConfig = z.output<typeof schema>;

function latencyOf(config: CacheConfig, op: CacheOp, env: BuildEnv): Distribution {
  const spec = config[`${op}_latency`] as DistributionSpec | undefined;
  return spec === undefined ? defaultLatency(config.engine as CacheEngine, op, env.network.rtt) : fromSpec(spec);
}

export const cache = defineComponent({
  kind: 'cache',
  summary: 'Redis, Memcached or in-process cache: capacity, LRU/LFU/random eviction, TTL, single-flight; the hit ratio emerges.',
  schema,
  refs: () => [],
  build(name: string, config: CacheConfig, env: BuildEnv) {
    return new CacheComponent(name, env.ctx, env.flow, {
      capacity: config.capacity,
      ttl: config.ttl ?? Infinity,
      eviction: config.eviction,
      singleFlight: config.single_flight,
      perInstance: (config.scope ?? (config.engine === 'in_process' ? 'per_instance' : 'shared')) === 'per_instance',
      latency: {
        hit: latencyOf(config, 'hit', env),
        miss: latencyOf(config, 'miss', env),
        set: latencyOf(config, 'set', env),
        delete: latencyOf(config, 'delete', env),
      },
      servers: config.servers ?? 0,
      service: config.service === undefined ? defaultService(config.engine) : fromSpec(config.service),
      costPerHour: priceOf(config, env.prices, config.nodes),
    });
  },
});
