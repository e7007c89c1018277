/**
 * What each cache engine costs per operation when the model does not say: the client-seen
 * latency of a hit, a miss, a set and a delete, and the server's own time per operation
 * (used only when the cache has `servers`). Networked engines pay the model's round trip on
 * top. Figures are typical of one small value on a same-zone network: Redis answers in
 * ~50–100 µs beyond the RTT and serves ~100k ops/s per thread; Memcached is a little leaner;
 * an in-process map (Caffeine, lru-cache) answers in about a microsecond.
 */
import { constant } from '../../engine/random/continuous.js';
import type { Distribution } from '../../engine/types.js';

export const CACHE_ENGINES = ['redis', 'memcached', 'in_process'] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];
export type CacheOp = 'hit' | 'miss' | 'set' | 'delete';

interface EngineDefaults {
  /** Seconds beyond the network round trip, per operation. */
  readonly latency: Readonly<Record<CacheOp, number>>;
  /** Server time per operation (seconds), queued when `servers` is given. */
  readonly service: number;
  /** Whether the client crosses the network (pays `network.rtt`). */
  readonly networked: boolean;
}

export const ENGINE_DEFAULTS: Readonly<Record<CacheEngine, EngineDefaults>> = {
  redis: { latency: { hit: 80e-6, miss: 50e-6, set: 80e-6, delete: 50e-6 }, service: 10e-6, networked: true },
  memcached: { latency: { hit: 60e-6, miss: 40e-6, set: 60e-6, delete: 40e-6 }, service: 8e-6, networked: true },
  in_process: { latency: { hit: 1e-6, miss: 1e-6, set: 1e-6, delete: 1e-6 }, service: 1e-6, networked: false },
};

/** The default latency of `op` on `engine` given the model's round trip (a constant). */
export function defaultLatency(engine: CacheEngine, op: CacheOp, rtt: number): Distribution {
  const d = ENGINE_DEFAULTS[engine];
  return constant((d.networked ? rtt : 0) + d.latency[op]);
}

/** The default server time per operation on `engine` (a constant). */
export function defaultService(engine: CacheEngine): Distribution {
  return constant(ENGINE_DEFAULTS[engine].service);
}

/** The defaults of `op` as an architect reads them, for the schema's description. */
export function describeDefaults(op: CacheOp): string {
  return CACHE_ENGINES.map((e) => {
    const d = ENGINE_DEFAULTS[e];
    return `${e} ${d.networked ? 'rtt + ' : ''}${Math.round(d.latency[op] * 1e6)}µs`;
  }).join(', ');
}
