/**
 * Service demands measured by a run, turned into utilisation predictions for any
 * configuration: each resource (a station's servers, an app tier's cores and workers, a
 * database's cores and replicas, a pool's connections) was busy for D unit-seconds per
 * request, so at throughput X with capacity c it is busy U = X·D/c (the utilisation law).
 * Demands are measured, not derived, so whatever the flows do is accounted for.
 */
import { resolveTier, type AppTierConfig } from '../components/app-tier/schema.js';
import type { ComponentReport } from '../components/define.js';
import type { RunSummary } from '../metrics/summary.js';
import type { NormalizedModel } from '../model/normalize.js';
import { fieldValue, type Knob, type KnobField } from './knobs.js';

/** The value of a field in one configuration: the knob's value, else the model's. */
export type ValueOf = (component: string, field: KnobField) => number;

export interface Resource {
  /** e.g. "app cores", "db replicas", "db_pool connections". */
  readonly name: string;
  readonly component: string;
  /** Knob ids its load or capacity depends on (none: no knob can relieve it). */
  readonly knobs: readonly string[];
  /** Knob ids that alone decide whether it is saturated: its own, plus cache capacities
   * (a hit skips work) when its demand is work per request; every knob when its demand is
   * time held while waiting on others (connections, workers). */
  readonly relief: readonly string[];
  /** Busy units per request per second of throughput: the demand D. */
  load(v: ValueOf): number;
  capacity(v: ValueOf): number;
}

type Config = Readonly<Record<string, unknown>>;

export function valueOf(model: NormalizedModel, knobs: readonly Knob[], values: readonly number[]): ValueOf {
  const set = new Map(knobs.map((k, i) => [k.id, values[i]!]));
  const configs = new Map(model.components.map((c) => [c.name, c.config as Config]));
  return (component, field) => set.get(`${component}.${field}`) ?? fieldValue(configs.get(component) ?? {}, field) ?? 0;
}

/** Predicted utilisation of `r` at throughput `x` in the configuration `v`. */
export function predicted(r: Resource, x: number, v: ValueOf): number {
  const load = r.load(v);
  if (load === 0) return 0;
  const cap = r.capacity(v);
  return cap > 0 ? (x * load) / cap : Infinity;
}

/** The resources of a run: demands D = busy units / responses per second. */
export function measureResources(summary: RunSummary, model: NormalizedModel, knobs: readonly Knob[], pilot: ValueOf): Resource[] {
  const x = summary.overall.count / summary.simulated.duration;
  if (!(x > 0)) return [];
  const ids = new Set(knobs.map((k) => k.id));
  const has = (c: string, f: KnobField) => (ids.has(`${c}.${f}`) ? [`${c}.${f}`] : []);
  const caches = knobs.filter((k) => k.field === 'capacity').map((k) => k.id);
  const all = knobs.map((k) => k.id);
  const out: Resource[] = [];
  for (const report of summary.components) {
    const comp = model.components.find((c) => c.name === report.name);
    if (comp === undefined || report.utilisation === undefined) continue;
    const ctx: Ctx = { name: comp.name, config: comp.config, report, x, pilot, has, model, caches, all };
    const made = BY_KIND[comp.kind]?.(ctx) ?? [fixed(ctx)];
    out.push(...made);
  }
  return out;
}

interface Ctx {
  readonly name: string;
  readonly config: Config;
  readonly report: ComponentReport;
  readonly x: number;
  readonly pilot: ValueOf;
  readonly has: (component: string, field: KnobField) => string[];
  readonly model: NormalizedModel;
  /** Ids of the cache capacity knobs, and of every knob. */
  readonly caches: readonly string[];
  readonly all: readonly string[];
}

const util = (r: ComponentReport) => r.utilisation ?? 0;

const BY_KIND: Readonly<Record<string, (c: Ctx) => Resource[]>> = {
  station: ({ name, report, x, pilot, has, caches }) => {
    const d = (util(report) * pilot(name, 'servers')) / x;
    const knobs = has(name, 'servers');
    return [{ name: `${name} servers`, component: name, knobs, relief: [...knobs, ...caches], load: () => d, capacity: (v) => v(name, 'servers') }];
  },
  app_tier: ({ name, config, report, x, pilot, has, caches, all }) => {
    const s = resolveTier(config as AppTierConfig);
    const n = pilot(name, 'instances');
    const knobs = has(name, 'instances');
    const cores = (util(report) * n * s.cores) / x;
    const out: Resource[] = [{
      name: `${name} cores`, component: name, knobs, relief: [...knobs, ...caches], load: () => cores, capacity: (v) => v(name, 'instances') * s.cpuCores,
    }];
    const wu = report.extra?.worker_utilisation;
    if (s.slots > 0 && wu !== undefined) {
      const slots = (wu * n * s.slots) / x;
      out.push({ name: `${name} ${s.runtime}`, component: name, knobs, relief: all, load: () => slots, capacity: (v) => v(name, 'instances') * s.slots });
    }
    return out;
  },
  database: databaseResources,
  connection_pool: ({ name, config, report, x, has, model, all }) => {
    const tiers = model.components.filter((c) => c.kind === 'app_tier' && c.config.pool === name).map((c) => c.name);
    const d = (report.extra?.in_use_mean ?? 0) / x;
    const overflow = (config.max_overflow as number | undefined) ?? 0;
    return [{
      name: `${name} connections`, component: name,
      knobs: [...has(name, 'size'), ...tiers.flatMap((t) => has(t, 'instances'))],
      relief: all,
      load: () => d,
      capacity: (v) => tiers.reduce((n, t) => n + v(t, 'instances'), 0) * (v(name, 'size') + overflow),
    }];
  },
};

/** Primary cores, and replicas which, when removed, hand their reads back to the primary. */
function databaseResources({ name, config, report, x, pilot, has, caches }: Ctx): Resource[] {
  const replicaCores = (v: ValueOf) => ((config.replicas as Config | undefined)?.cores as number | undefined) ?? v(name, 'cores');
  const dp = (util(report) * pilot(name, 'cores')) / x;
  const extra = report.extra ?? {};
  let busyReplicas = 0;
  for (let i = 1; extra[`replica_${i}_utilisation`] !== undefined; i++) busyReplicas += extra[`replica_${i}_utilisation`]! * replicaCores(pilot);
  const dr = busyReplicas / x;
  const count = (v: ValueOf) => (config.replicas === undefined ? 0 : v(name, 'replicas.count'));
  const knobs = [...has(name, 'cores'), ...has(name, 'replicas.count')];
  const relief = [...knobs, ...caches];
  const primary: Resource = {
    name: `${name} cores`, component: name, knobs, relief,
    load: (v) => dp + (config.replicas !== undefined && count(v) === 0 ? dr : 0),
    capacity: (v) => v(name, 'cores'),
  };
  if (config.replicas === undefined) return [primary];
  return [primary, {
    name: `${name} replicas`, component: name, knobs, relief,
    load: (v) => (count(v) > 0 ? dr : 0),
    capacity: (v) => count(v) * replicaCores(v),
  }];
}

/** A component with a utilisation but no knob behind it (a PgBouncer, a cache's threads). */
function fixed({ name, report, x, all }: Ctx): Resource {
  const d = util(report) / x;
  return { name, component: name, knobs: [], relief: all, load: () => d, capacity: () => 1 };
}
