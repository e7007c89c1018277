/**
 * The calibrated stacksim model of the real system, as a YAML document: one event-loop app
 * instance on a core it shares with the load driver (whose CPU per request is charged to
 * it), its pool (the real size, a connection per query), Postgres with each query's
 * measured CPU as an explicit cost on the cores it has and the rest of the query time as a
 * wait, the in-process caches, and each endpoint as the event-loop visits it really makes
 * (one, plus one per query result).
 */
import { stringify } from 'yaml';
import type { ClientSide } from './calibrate.js';
import type { ConfigDef, VariantDef } from './configs.js';
import { endpointsOf, QUEUE_CONCURRENCY } from './configs.js';
import { fixedShare, type Demand, type Moments } from './demand.js';
import { ENDPOINTS, QUEUED_PG_SHARE, type EndpointName, type QueryName } from './endpoints.js';
import { fitTime, formatSeconds, type YamlDistribution } from './fit.js';
import type { ValidationPlan } from './plan.js';
import type { WakeFit } from './wake-fit.js';

export type Traffic =
  | { readonly kind: 'open'; readonly rate: number }
  | { readonly kind: 'closed'; readonly users: number; readonly thinkSec: number; readonly spawnRate: number }
  /** Closed loop with no think time and many users: throughput is the saturation point. */
  | { readonly kind: 'saturate'; readonly users: number };

export interface ModelInputs {
  readonly config: ConfigDef;
  readonly variant: VariantDef;
  readonly plan: ValidationPlan;
  /** Demands by probe key (`get_user`, `get_user:hit`, …), from the variant's calibration. */
  readonly demands: ReadonlyMap<string, Demand>;
  /** Relative event-loop work of a request's first visit and of each query-result visit. */
  readonly split: { readonly first: number; readonly perQuery: number };
  readonly cores: { readonly app: number; readonly db: number };
  readonly popularTtlMs: number;
  /** The client side of the latency (driver and loopback HTTP), measured once per API. */
  readonly client: ClientSide;
  /** The API core's wake-up cost (wake-fit.ts); null or absent: none was found. */
  readonly wake?: (WakeFit & { readonly charge?: 'before' | 'after' }) | null;
}

const TABLE_OF: Readonly<Record<QueryName, 'users' | 'interactions' | 'sessions' | 'jobs'>> = {
  select_user: 'users', list_users_page: 'users', popular_items: 'interactions', insert_user: 'users',
  find_user_by_email: 'users', insert_session: 'sessions', find_session: 'sessions', update_user: 'users',
  insert_interaction: 'interactions', boss_send: 'jobs', boss_fetch: 'jobs',
};
const WRITES = new Set<QueryName>(['insert_user', 'insert_session', 'update_user', 'insert_interaction', 'boss_send', 'boss_fetch']);

const ms = (x: number) => x / 1000;
const dist = (m: Moments): YamlDistribution => fitTime(ms(m.mean), ms(m.sd)).yaml;
type Step = Record<string, unknown>;

function demandOf(inputs: ModelInputs, key: string): Demand {
  const d = inputs.demands.get(key);
  if (d === undefined) throw new Error(`model of ${inputs.config.name}: no calibration for ${key} (calibrated: ${[...inputs.demands.keys()].join(', ')})`);
  return d;
}


/** The client side of the latency as measured (quantiles, resampled): the driver's own work on
 * a request's path is in it; a closed-loop user has no schedule lag. */
function clientStep(inputs: ModelInputs, closed: boolean): Step[] {
  const c = closed ? inputs.client.closed : inputs.client.open;
  const q = closed ? inputs.client.closedQuantiles : inputs.client.openQuantiles;
  if (q.length > 0) return [{ sleep: { empirical: { samples: q.map((x) => formatSeconds(ms(Math.max(0.001, x)))) } } }];
  return c.mean > 0.001 ? [{ sleep: dist(c) }] : [];
}

/**
 * The load driver's CPU per request, after the response: the driver shares the API's core,
 * so its work queues with the event loop's, but the part of it on a request's own path is
 * already in the client side (clientStep) — the rest (recording, scheduling, collecting)
 * happens once the response is timed.
 */
function driverStep(d: Demand, status: number): Step[] {
  return d.driver > 1e-4 ? [{ respond: status }, ...cpu({ mean: d.driver, sd: 0 })] : [];
}

/** Waking the idle event loop: time, but no longer CPU once requests keep it busy. */
function wakeStep(d: Demand): Step[] {
  return d.wake > 0.001 ? [{ sleep: dist({ mean: d.wake, sd: 0 }) }] : [];
}

/** A cpu step, or none for a visit with no measurable work. */
const cpu = (m: Moments): Step[] => (m.mean > 1e-4 ? [{ cpu: dist(m) }] : []);

/** Event-loop visits: the handler's CPU in its visit, the rest spread by the split weights. */
function visits(inputs: ModelInputs, e: EndpointName, d: Demand): Moments[] {
  const q = ENDPOINTS[e].queries.length;
  const at = ENDPOINTS[e].cpuVisit ?? q;
  const overhead = Math.max(0, d.loop - d.handler.mean);
  const { first, perQuery } = inputs.split;
  const total = first + q * perQuery;
  return Array.from({ length: q + 1 }, (_, k) => {
    const share = overhead * (k === 0 ? first : perQuery) / total;
    return k === at ? { mean: share + d.handler.mean, sd: d.handler.sd } : { mean: share, sd: 0 };
  });
}

/** Spread of one query's Postgres CPU: the measured spread of query time, at most cv 1. */
const pgCv = (d: Demand) => Math.min(1, d.queryCv);

/** With the task queue on, POST /interactions only publishes the job on the request's path. */
const queued = (inputs: ModelInputs, e: EndpointName) => inputs.variant.queue && e === 'record_interaction';

function pathQueries(inputs: ModelInputs, e: EndpointName): readonly QueryName[] {
  return queued(inputs, e) ? ['boss_send'] : ENDPOINTS[e].queries;
}

/** db step plus the query's time beyond Postgres CPU (loopback, wake-ups, fsync), as a wait
 * that keeps the connection; it carries the rest of the query time's measured spread. */
function queryStep(e: EndpointName, k: number, d: Demand, names: readonly QueryName[] = ENDPOINTS[e].queries): Step[] {
  const q = names.length;
  const latency = d.dbLatency / q;
  const totalSd = d.queryCv * (d.pg + d.dbLatency);
  const sd = Math.sqrt(Math.max(0, totalSd ** 2 - (d.pg * pgCv(d)) ** 2) / q);
  if (!(latency > 0.001)) return [{ db: names[k]! }];
  const wait = d.latencyQuantiles.length > 0 ? { empirical: { samples: d.latencyQuantiles.map((x) => formatSeconds(ms(x))) } } : dist({ mean: latency, sd });
  return [{ db: names[k]! }, { sleep: wait }];
}

/**
 * The pg-boss job of POST /interactions: published on the request's path (boss_send), then
 * a worker's wake-up and fetch (the wait measured at light load, less the fetch's Postgres
 * CPU), the fetch and completion (boss_fetch) and the row (insert_interaction), then the
 * rest of the worker's measured service time.
 */
const PG_SHARE = QUEUED_PG_SHARE;

function taskSteps(d: Demand): Step[] {
  const t = d.task;
  if (t === null) throw new Error('model of the task queue: calibration measured no background task (is the API\'s queue on?)');
  const fetch = d.pg * PG_SHARE.boss_fetch!;
  const insert = d.pg * PG_SHARE.insert_interaction!;
  const pickup = { mean: Math.max(0.001, t.wait.mean - fetch), sd: t.wait.sd };
  const rest = { mean: Math.max(0, t.service.mean - insert), sd: t.service.sd };
  return [{ sleep: dist(pickup) }, { db: 'boss_fetch' }, { db: 'insert_interaction' }, ...(rest.mean > 0.001 ? [{ sleep: dist(rest) }] : [])];
}

function taskQueue(inputs: ModelInputs): Record<string, unknown> {
  return {
    kind: 'worker_queue',
    broker: { latency: { constant: '0s' } }, // publishing is the boss_send query on the request's path
    workers: { instances: 1, concurrency: QUEUE_CONCURRENCY, cores: 1, pool: 'pg_pool' },
    retries: { max: 0 },
    tasks: { record_interaction: taskSteps(demandOf(inputs, 'record_interaction')) },
  };
}

function plainSteps(inputs: ModelInputs, e: EndpointName, closed: boolean): Step[] {
  const d = demandOf(inputs, e);
  const v = visits(inputs, e, d);
  const steps: Step[] = [...clientStep(inputs, closed), ...wakeStep(d), ...cpu(v[0]!)];
  const names = pathQueries(inputs, e);
  names.forEach((_, k) => steps.push(...queryStep(e, k, d, names), ...(queued(inputs, e) ? [{ enqueue: { queue: 'tasks', task: e } }] : []), ...cpu(v[k + 1]!)));
  if (ENDPOINTS[e].invalidates === 'user' && inputs.variant.cache) steps.push({ cache_delete: { cache: 'users_cache', key: 'user:{user}' } });
  return [...steps, ...driverStep(d, queued(inputs, e) ? 202 : ENDPOINTS[e].status)];
}

/** Cache-aside: the hit path is one visit; a miss adds the query and a second visit. */
function cachedSteps(inputs: ModelInputs, e: EndpointName, closed: boolean): Step[] {
  const hit = demandOf(inputs, `${e}:hit`);
  const miss = demandOf(inputs, `${e}:miss`);
  const users = ENDPOINTS[e].cached === 'user';
  const cache = users ? 'users_cache' : 'popular_cache';
  const key = users ? 'user:{user}' : 'popular';
  const extra = { mean: Math.max(0, miss.loop - hit.loop), sd: miss.handler.sd };
  return [
    ...clientStep(inputs, closed),
    ...wakeStep(hit),
    ...cpu({ mean: hit.loop, sd: hit.handler.sd }),
    { cache_get: { cache, key, on_miss: [...queryStep(e, 0, miss), ...cpu(extra), { cache_set: { cache, key } }] } },
    ...driverStep(hit, ENDPOINTS[e].status),
  ];
}

function endpointSteps(inputs: ModelInputs, e: EndpointName, closed: boolean): Step[] {
  const cached = inputs.variant.cache && ENDPOINTS[e].cached !== undefined;
  return cached ? cachedSteps(inputs, e, closed) : plainSteps(inputs, e, closed);
}

function queries(inputs: ModelInputs, endpoints: readonly EndpointName[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const e of endpoints) {
    const cached = inputs.variant.cache && ENDPOINTS[e].cached !== undefined;
    const d = demandOf(inputs, cached ? `${e}:miss` : e);
    const q = queued(inputs, e) ? (['boss_send', 'boss_fetch', 'insert_interaction'] as const) : ENDPOINTS[e].queries;
    for (const name of q) {
      const mean = Math.max(queued(inputs, e) ? d.pg * PG_SHARE[name]! : d.pg / q.length, 0.001);
      out[name] = { table: TABLE_OF[name], write: WRITES.has(name), cost: fitTime(ms(mean), ms(mean * pgCv(d))).yaml };
    }
  }
  return out;
}

/** The median over the endpoints' demands. */
function medianOf(inputs: ModelInputs, endpoints: readonly EndpointName[], f: (d: Demand) => number): number {
  const xs = endpoints.flatMap((e) => [e, `${e}:miss`, `${e}:hit`]).map((k) => inputs.demands.get(k)).filter((d): d is Demand => d !== undefined).map(f);
  xs.sort((a, b) => a - b);
  return xs.length === 0 ? 0 : xs[Math.floor(xs.length / 2)]!;
}

/** Cores as the model gives them: what the fixed busy time leaves of the real ones. */
const cores = (real: number, fixedMsPerSec: number) => Number((real * (1 - fixedShare(fixedMsPerSec))).toPrecision(4));

function components(inputs: ModelInputs, endpoints: readonly EndpointName[]): Record<string, unknown> {
  const { plan, variant } = inputs;
  const c: Record<string, unknown> = {
    api: {
      kind: 'app_tier', instances: 1, runtime: 'event_loop', cores: cores(inputs.cores.app, medianOf(inputs, endpoints, (d) => d.coreFixed)), pool: 'pg_pool',
      ...(inputs.wake ? { wake_up: { after_idle: formatSeconds(ms(inputs.wake.afterIdleMs)), cost: formatSeconds(ms(inputs.wake.costMs)), charge: inputs.wake.charge ?? 'before' } } : {}),
    },
    // pg-pool: a fixed set of connections, each checked out per query, no acquire timeout
    pg_pool: { kind: 'connection_pool', database: 'pg', size: variant.poolSize, max_overflow: 0, hold: 'query', acquire_timeout: '1h' },
    pg: {
      kind: 'database', cores: cores(inputs.cores.db, medianOf(inputs, endpoints, (d) => d.pgFixed)), max_connections: 100,
      tables: {
        users: { rows: plan.seed.users }, interactions: { rows: plan.seed.interactions }, sessions: { rows: plan.seed.users },
        ...(variant.queue ? { jobs: { rows: 1000 } } : {}),
      },
      queries: queries(inputs, endpoints),
    },
  };
  if (variant.queue && endpoints.includes('record_interaction')) c.tasks = taskQueue(inputs);
  if (variant.cache) {
    const hit = inputs.demands.get('get_user:hit');
    const miss = inputs.demands.get('get_user:miss');
    const op = (x: number | undefined) => ({ constant: formatSeconds(ms(Math.max(0, x ?? 0))) });
    const latencies = { hit_latency: op(hit?.cache), miss_latency: op((miss?.cache ?? 0) / 2), set_latency: op((miss?.cache ?? 0) / 2), delete_latency: op(hit?.cache) };
    c.users_cache = { kind: 'cache', engine: 'in_process', capacity: plan.cache.capacity, ttl: formatSeconds(ms(plan.cache.ttlMs)), eviction: 'lru', ...latencies };
    c.popular_cache = { kind: 'cache', engine: 'in_process', capacity: 100, ttl: formatSeconds(ms(inputs.popularTtlMs)), eviction: 'lru', ...latencies };
  }
  return c;
}

function trafficOf(config: ConfigDef, t: Traffic): Record<string, unknown>[] {
  const w = config.workload;
  const tasks = w.kind === 'open' ? { [w.endpoint]: 1 } : w.tasks;
  if (t.kind === 'saturate') return [{ type: 'closed_loop', name: 'saturate', users: t.users, wait_time: { constant: 0 }, tasks }];
  if (t.kind === 'open') return [{ type: 'open_loop', name: 'driver', rate: `${Number(t.rate.toPrecision(6))}/s`, poisson: true, mix: tasks }];
  if (w.kind !== 'closed') throw new Error(`configuration ${config.name} is open-loop: closed-loop traffic does not apply`);
  const think = `between(${formatSeconds(t.thinkSec / 2)}, ${formatSeconds(t.thinkSec * 1.5)})`;
  return [{ type: 'closed_loop', name: 'users', users: t.users, spawn_rate: `${Number(t.spawnRate.toPrecision(6))}/s`, wait_time: think, on_start: w.onStart, tasks }];
}

/** The model as plain data (what the YAML file holds). */
export function modelData(inputs: ModelInputs, traffic: Traffic, run: { duration: number; warmup: number }): Record<string, unknown> {
  const endpoints = endpointsOf(inputs.config);
  const closed = traffic.kind === 'closed';
  return {
    name: `validate-${inputs.config.name}`,
    description: `${inputs.config.title}: calibrated from the real system (${inputs.config.exercises}).`,
    run: { duration: formatSeconds(run.duration), warmup: formatSeconds(run.warmup), seed: 1 },
    network: { rtt: 0 },
    keys: { user: { zipf: { s: inputs.plan.zipfS, n: inputs.plan.seed.users } } },
    components: components(inputs, endpoints),
    endpoints: Object.fromEntries(endpoints.map((e) => {
      const [method, path] = ENDPOINTS[e].route.split(' ');
      return [e, { method, path, steps: endpointSteps(inputs, e, closed) }];
    })),
    traffic: trafficOf(inputs.config, traffic),
  };
}

export function modelYaml(inputs: ModelInputs, traffic: Traffic, run: { duration: number; warmup: number }, header: string): string {
  const body = stringify(modelData(inputs, traffic, run), { lineWidth: 0 });
  return `${header.split('\n').map((l) => `# ${l}`.trimEnd()).join('\n')}\n${body}`;
}
