/**
 * The configurations validated, each exercising a different part of the model:
 *   pool-2 / pool-10   a Postgres-bound aggregation behind a pool of 2 or 10 (pool contention)
 *   cache-off / -on    GET /users/{id} with Zipf keys, no cache or an LRU with TTL (hit ratio)
 *   register           scrypt hashing on the single event-loop thread (CPU saturation)
 *   mixed              Locust-style users logging in, then a weighted mix (closed loop)
 *   async-interactions POST /interactions through a pg-boss queue: 202 at once, a worker
 *                      writes the row (response latency and task latency)
 * and the API settings (system variants) they run on; configurations sharing a variant share
 * one API process and its calibration.
 */
import type { EndpointName } from './endpoints.js';
import type { ValidationPlan } from './plan.js';

export type ConfigName = 'pool-2' | 'pool-10' | 'cache-off' | 'cache-on' | 'register' | 'mixed' | 'async-interactions';
export type VariantName = 'pool2' | 'pool10' | 'pool10-cache' | 'pool10-queue';

export type Workload =
  | { readonly kind: 'open'; readonly endpoint: EndpointName }
  | { readonly kind: 'closed'; readonly onStart: EndpointName; readonly tasks: Readonly<Partial<Record<EndpointName, number>>> };

export interface ConfigDef {
  readonly name: ConfigName;
  readonly title: string;
  /** The part of the model it exercises. */
  readonly exercises: string;
  readonly variant: VariantName;
  readonly workload: Workload;
}

export const CONFIGS: readonly ConfigDef[] = [
  { name: 'pool-2', title: 'GET /items/popular, pool of 2', exercises: 'database CPU and pool contention', variant: 'pool2', workload: { kind: 'open', endpoint: 'popular' } },
  { name: 'pool-10', title: 'GET /items/popular, pool of 10', exercises: 'database CPU and pool contention', variant: 'pool10', workload: { kind: 'open', endpoint: 'popular' } },
  { name: 'cache-off', title: 'GET /users/{id} (Zipf), no cache', exercises: 'event loop and point queries', variant: 'pool10', workload: { kind: 'open', endpoint: 'get_user' } },
  { name: 'cache-on', title: 'GET /users/{id} (Zipf), LRU cache with TTL', exercises: 'cache hit ratio emerging from keys, capacity and TTL', variant: 'pool10-cache', workload: { kind: 'open', endpoint: 'get_user' } },
  { name: 'register', title: 'POST /users (scrypt on the event loop)', exercises: 'event-loop CPU saturation', variant: 'pool10', workload: { kind: 'open', endpoint: 'register' } },
  {
    name: 'mixed', title: 'Mixed users (closed loop): log in, then a weighted mix', exercises: 'closed loop over every endpoint', variant: 'pool10-cache',
    workload: { kind: 'closed', onStart: 'login', tasks: { get_user: 60, record_interaction: 18, list_users: 10, update_user: 5, popular: 5, register: 2 } },
  },
  {
    name: 'async-interactions', title: 'POST /interactions via a pg-boss queue (202 Accepted)', exercises: 'worker queue: response latency vs task latency (enqueue → row written)',
    variant: 'pool10-queue', workload: { kind: 'open', endpoint: 'record_interaction' },
  },
];

export interface VariantDef {
  readonly name: VariantName;
  readonly poolSize: number;
  readonly cache: boolean;
  /** POST /interactions enqueues to pg-boss and answers 202; a worker in the API writes the row. */
  readonly queue: boolean;
}

/** Workers of the API's task queue (its `queue.concurrency`). */
export const QUEUE_CONCURRENCY = 4;

export const VARIANTS: Readonly<Record<VariantName, VariantDef>> = {
  pool2: { name: 'pool2', poolSize: 2, cache: false, queue: false },
  pool10: { name: 'pool10', poolSize: 10, cache: false, queue: false },
  'pool10-cache': { name: 'pool10-cache', poolSize: 10, cache: true, queue: false },
  'pool10-queue': { name: 'pool10-queue', poolSize: 10, cache: false, queue: true },
};

/** The API's options for a variant under a plan (Postgres is given by the caller). */
export function systemOptions(variant: VariantDef, plan: ValidationPlan, first: boolean) {
  return {
    poolSize: variant.poolSize,
    cache: { enabled: variant.cache, capacity: plan.cache.capacity, ttlMs: plan.cache.ttlMs },
    scrypt: { logN: plan.scryptLogN },
    queue: { enabled: variant.queue, concurrency: QUEUE_CONCURRENCY },
    seed: plan.seed,
    // the first API seeds the shared database; later ones keep its data
    reset: first,
    logLevel: 'silent' as const,
  };
}

/** Endpoints a configuration's model needs demands for. */
export function endpointsOf(config: ConfigDef): EndpointName[] {
  const w = config.workload;
  if (w.kind === 'open') return [w.endpoint];
  return [w.onStart, ...(Object.keys(w.tasks) as EndpointName[])];
}
