/**
 * What `explain` needs to know about each component, read from the normalized model with
 * the components' own defaults (resolveTier, compilePlans, the cache engine defaults), so
 * the analysis prices work exactly as the built components would: app tiers and their share
 * of the requests, databases and their query plans, caches, stations, pools, balancers.
 */
import { resolveTier, type AppTierConfig, type TierSettings } from '../components/app-tier/schema.js';
import { defaultLatency, defaultService, type CacheEngine } from '../components/cache/defaults.js';
import type { CacheConfig } from '../components/cache.js';
import type { ConnectionPoolConfig } from '../components/connection-pool.js';
import { coefficients, compilePlans, optionalSpace, type CompiledQuery } from '../components/database/plans.js';
import type { DatabaseConfig } from '../components/database/schema.js';
import type { LoadBalancerConfig } from '../components/load-balancer.js';
import type { PgBouncerConfig } from '../components/pgbouncer.js';
import type { StationConfig } from '../components/station.js';
import { registry } from '../components/registry.js';
import type { ComponentDef } from '../components/define.js';
import { constant } from '../engine/random/continuous.js';
import { fromSpec, type DistributionSpec } from '../engine/random/spec.js';
import type { Distribution } from '../engine/types.js';
import type { NormalizedModel } from '../model/normalize.js';

export interface TierInfo {
  readonly name: string;
  readonly settings: TierSettings;
  /** Fraction of all requests this tier's instances receive. */
  readonly share: number;
  readonly pool: string | null;
}

export interface DatabaseInfo {
  readonly name: string;
  readonly config: DatabaseConfig;
  readonly plans: ReadonlyMap<string, CompiledQuery>;
  /** Coefficient of variation of the noise around a planned mean. */
  readonly noiseCv: number;
  readonly replicas: { readonly count: number; readonly cores: number } | null;
  readonly readsToReplicas: boolean;
  /** Read-your-writes window in seconds (0: off). */
  readonly ryw: number;
  /** Key space naming "the same user" for read-your-writes, or -1. */
  readonly userSpace: number;
}

export interface CacheInfo {
  readonly name: string;
  readonly config: CacheConfig;
  readonly perInstance: boolean;
  readonly latency: Readonly<Record<'hit' | 'miss' | 'set' | 'delete', Distribution>>;
  readonly service: Distribution;
}

export interface Catalogue {
  readonly model: NormalizedModel;
  /** The tiers that take the entry's traffic (empty for station-only models). */
  readonly tiers: readonly TierInfo[];
  readonly databases: ReadonlyMap<string, DatabaseInfo>;
  readonly caches: ReadonlyMap<string, CacheInfo>;
  readonly stations: ReadonlyMap<string, StationConfig & { readonly dist: Distribution }>;
  /** Shard routers: their shards and the key space that picks one. */
  readonly routers: ReadonlyMap<string, { readonly shards: readonly string[]; readonly keySpace: number }>;
  readonly pools: ReadonlyMap<string, ConnectionPoolConfig>;
  readonly bouncers: ReadonlyMap<string, PgBouncerConfig>;
  /** The entry load balancer's per-request overhead, if any. */
  readonly lbOverhead: { readonly name: string; readonly dist: Distribution } | null;
  /** Requests are dealt to instances in turn or to the least loaded (round robin, least
   * connections…), not at random: each instance then sees smoother arrivals than Poisson. */
  readonly balanced: boolean;
  /** App instances in all, the number of stores a per-instance cache has. */
  readonly instances: number;
  readonly keySpaceIndex: (name: string) => number;
  /** Components explain has no model of (their effect is left out), and what stands in front of the tiers. */
  readonly unmodelled: readonly { readonly name: string; readonly kind: string }[];
}

/** Kinds explain knows how to price. */
const MODELLED = ['app_tier', 'cache', 'connection_pool', 'database', 'load_balancer', 'pgbouncer', 'station', 'shard_router'];

const WEIGHTED = ['weighted_round_robin', 'least_connections'];

export function catalogue(model: NormalizedModel): Catalogue {
  const byName = new Map(model.components.map((c) => [c.name, c]));
  const of = <T>(kind: string) => new Map(model.components.filter((c) => c.kind === kind).map((c) => [c.name, c.config as unknown as T]));
  const spaces = model.keySpaces.map((k) => k.name);
  const keySpaceIndex = (name: string): number => {
    const i = spaces.indexOf(name);
    if (i < 0) throw new Error(`explain: unknown key space ${name} (normalize should have caught it)`);
    return i;
  };
  const entry = model.entry === null ? undefined : frontOf(model.entry, byName);
  let targets: string[] = [];
  let lbOverhead: Catalogue['lbOverhead'] = null;
  let weighted = false;
  let balanced = true;
  if (entry?.kind === 'app_tier') targets = [entry.name];
  if (entry?.kind === 'load_balancer') {
    const lb = entry.config as unknown as LoadBalancerConfig;
    targets = [...lb.targets];
    weighted = WEIGHTED.includes(lb.policy);
    balanced = !['random', 'hash'].includes(lb.policy);
    const o = lb.overhead;
    if (o !== undefined && o !== 0) lbOverhead = { name: entry.name, dist: typeof o === 'number' ? constant(o) : fromSpec(o as DistributionSpec) };
  }
  const tiers = tierShares(targets.map((t) => [t, byName.get(t)!.config as unknown as AppTierConfig]), weighted);
  const rtt = model.network.rtt;
  return {
    model,
    tiers,
    databases: new Map([...of<DatabaseConfig>('database')].map(([n, c]) => [n, databaseInfo(n, c, keySpaceIndex)])),
    caches: new Map([...of<CacheConfig>('cache')].map(([n, c]) => [n, cacheInfo(n, c, rtt)])),
    stations: new Map([...of<StationConfig>('station')].map(([n, c]) => [n, { ...c, dist: fromSpec(c.service as DistributionSpec) }])),
    routers: new Map([...of<{ shards?: string[]; key?: string }>('shard_router')].map(([n, c]) => [n, {
      shards: [...(c.shards ?? [])],
      keySpace: c.key === undefined ? -1 : keySpaceIndex(c.key),
    }])),
    pools: of<ConnectionPoolConfig>('connection_pool'),
    bouncers: of<PgBouncerConfig>('pgbouncer'),
    lbOverhead,
    balanced,
    instances: Math.max(1, tiers.reduce((n, t) => n + t.settings.instances, 0)),
    keySpaceIndex,
    unmodelled: model.components.filter((c) => !MODELLED.includes(c.kind)).map((c) => ({ name: c.name, kind: c.kind })),
  };
}

type Component = NormalizedModel['components'][number];

/** The app tier or load balancer taking the entry's traffic: the entry itself, or the first
 * one found following the references of what stands in front (a CDN, a rate limiter). */
function frontOf(entry: string, byName: ReadonlyMap<string, Component>): Component | undefined {
  const queue = [entry];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const c = byName.get(queue.shift()!);
    if (c === undefined || seen.has(c.name)) continue;
    seen.add(c.name);
    if (c.kind === 'app_tier' || c.kind === 'load_balancer') return c;
    const def = (registry as Record<string, ComponentDef>)[c.kind];
    for (const ref of def?.refs(c.config as never) ?? []) queue.push(ref.name);
  }
  return undefined;
}

/** Requests spread over every instance of the targets: by weight where the policy weighs, else evenly. */
function tierShares(targets: [string, AppTierConfig][], weighted: boolean): TierInfo[] {
  const settings = targets.map(([name, c]) => ({ name, s: resolveTier(c), pool: c.pool ?? null }));
  const size = (s: TierSettings) => s.instances * (weighted ? s.weight : 1);
  const total = settings.reduce((sum, t) => sum + size(t.s), 0);
  return settings.map((t) => ({ name: t.name, settings: t.s, share: size(t.s) / total, pool: t.pool }));
}

function databaseInfo(name: string, config: DatabaseConfig, keySpaceIndex: (n: string) => number): DatabaseInfo {
  const r = config.replicas;
  return {
    name,
    config,
    plans: compilePlans(name, config, keySpaceIndex),
    noiseCv: coefficients(config).cv,
    replicas: r === undefined || r.count === 0 ? null : { count: r.count, cores: r.cores ?? config.cores },
    readsToReplicas: (r?.reads ?? 'replicas') === 'replicas',
    ryw: r?.read_your_writes ?? 0,
    userSpace: optionalSpace('user', keySpaceIndex),
  };
}

function cacheInfo(name: string, config: CacheConfig, rtt: number): CacheInfo {
  const engine = config.engine as CacheEngine;
  const latency = (op: 'hit' | 'miss' | 'set' | 'delete'): Distribution => {
    const spec = config[`${op}_latency`] as DistributionSpec | undefined;
    return spec === undefined ? defaultLatency(engine, op, rtt) : fromSpec(spec);
  };
  return {
    name,
    config,
    perInstance: (config.scope ?? (engine === 'in_process' ? 'per_instance' : 'shared')) === 'per_instance',
    latency: { hit: latency('hit'), miss: latency('miss'), set: latency('set'), delete: latency('delete') },
    service: config.service === undefined ? defaultService(engine) : fromSpec(config.service as DistributionSpec),
  };
}

/** A key space's popularity: the model's, else the first source that gives one (null: key 0 only). */
export function keySpec(model: NormalizedModel, space: string): DistributionSpec | null {
  const own = model.keySpaces.find((k) => k.name === space)?.spec ?? null;
  if (own !== null) return own;
  for (const s of model.traffic) {
    const spec = (s.keys as Record<string, DistributionSpec> | undefined)?.[space];
    if (spec !== undefined) return spec;
  }
  return null;
}

/** The databases a query named on `database` runs on, with executions per call: itself; or,
 * behind a shard router, one shard in N for a query keyed by the routing key space (keys
 * spread evenly), every shard for any other (scatter-gather). */
export function queryTargets(cat: Catalogue, database: string, query: string): [string, number][] {
  const router = cat.routers.get(database);
  if (router === undefined) return [[database, 1]];
  const first = cat.databases.get(router.shards[0] ?? '');
  const keyed = first !== undefined && first.plans.get(query)?.keySpace === router.keySpace;
  return router.shards.map((s) => [s, keyed ? 1 / router.shards.length : 1]);
}
