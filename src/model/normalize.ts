/**
 * Normalize: the validated model → one canonical plain form the builder can trust.
 * It checks what zod cannot see on its own — every name refers to something that exists
 * and is of the right kind, flows do not call themselves in a loop, key placeholders name
 * key spaces — and orders components so each is built after those it refers to.
 * Every problem is a catalogue error with file:line:col; all are reported at once.
 */
import type { ComponentDef } from '../components/define.js';
import { registry } from '../components/registry.js';
import type { DistributionSpec } from '../engine/random/spec.js';
import { templateSpaces } from '../flow/keys.js';
import { ModelError, ModelErrors, type ErrorCode, type Result } from './errors.js';
import { listOf, type PathSegment } from './format.js';
import type { LoadedDocument } from './load.js';
import { positionOf } from './positions.js';
import type { EndpointConfig, Step } from './schema/endpoint.js';
import { endpointSteps } from './schema/endpoint.js';
import type { ModelConfig } from './schema/model.js';
import type { TrafficSource } from './schema/traffic.js';
import { didYouMean } from './suggest.js';
import type { Frozen } from './validate.js';

export interface NormalizedComponent {
  name: string;
  kind: string;
  config: Frozen<Record<string, unknown>>;
}

export interface NormalizedEndpoint {
  name: string;
  index: number;
  method?: string | undefined;
  path?: string | undefined;
  steps: readonly Frozen<Step>[];
}

export interface NormalizedModel {
  name: string;
  description?: string | undefined;
  file: string;
  run: { duration: number; warmup: number; seed: number | string };
  network: { rtt: number };
  prices?: string | undefined;
  /** Entry component, or null when flows start directly (station-only models). */
  entry: string | null;
  /** Every key space used anywhere; `spec` is the model-level popularity, if given. */
  keySpaces: { name: string; spec: DistributionSpec | null }[];
  /** In build order: each after the components it refers to. */
  components: NormalizedComponent[];
  flows: Record<string, readonly Frozen<Step>[]>;
  endpoints: NormalizedEndpoint[];
  traffic: readonly Frozen<TrafficSource>[];
}

type Model = Frozen<ModelConfig>;

class Problems {
  readonly list: ModelError[] = [];
  constructor(private readonly file: string, private readonly loaded: LoadedDocument | undefined) {}
  add(code: ErrorCode, path: PathSegment[], detail: string, extra: { expected?: string; got?: string; hint?: string | undefined } = {}): void {
    const pos = this.loaded ? positionOf(this.loaded, path) : undefined;
    this.list.push(new ModelError({ code, file: this.file, path, detail, ...extra, ...(pos ? { line: pos.line, col: pos.col } : {}) }));
  }
}

const defOf = (kind: string): ComponentDef | undefined => (registry as Record<string, ComponentDef>)[kind];

export function normalize(model: Model, file: string, loaded?: LoadedDocument): Result<NormalizedModel> {
  const p = new Problems(file, loaded);
  const components = Object.entries(model.components as Record<string, Frozen<Record<string, unknown>> & { kind: string }>);
  const kindOf = new Map(components.map(([n, c]) => [n, c.kind]));
  const order = componentOrder(components, kindOf, p);
  const flows = (model.flows ?? {}) as Record<string, readonly Frozen<Step>[]>;
  const keySpaces = collectKeySpaces(model);
  const ctx: StepCtx = { p, kindOf, flows, model, keySpaces: new Set(keySpaces.map((k) => k.name)) };

  for (const [name, config] of components) {
    for (const ref of defOf(config.kind)?.keySpaces?.(config as never) ?? []) {
      if (!ctx.keySpaces.has(ref.name)) {
        p.add('SIM_E_DANGLING_REF', ['components', name, ...ref.path], `key space \`${ref.name}\` is not defined`, {
          expected: ctx.keySpaces.size > 0 ? `one of: ${listOf([...ctx.keySpaces])}` : 'a key space defined under `keys:`',
          hint: didYouMean(ref.name, [...ctx.keySpaces]),
        });
      }
    }
  }
  const configs = new Map(components.map(([n, c]) => [n, { kind: c.kind, config: c as unknown }]));
  for (const [name, config] of components) {
    for (const q of defOf(config.kind)?.crossCheck?.(config as never, configs) ?? []) {
      p.add('SIM_E_INVALID_VALUE', ['components', name, ...q.path], q.detail, { expected: q.expected, hint: q.hint });
    }
  }
  const endpointNames = Object.keys(model.endpoints);
  for (const [name, config] of components) {
    for (const ref of defOf(config.kind)?.endpoints?.(config as never) ?? []) {
      if (endpointNames.includes(ref.name)) continue;
      p.add('SIM_E_DANGLING_REF', ['components', name, ...ref.path], `no endpoint named \`${ref.name}\``, {
        expected: `one of: ${listOf(endpointNames)}`, hint: didYouMean(ref.name, endpointNames),
      });
    }
  }
  for (const [name, steps] of Object.entries(flows)) checkSteps(steps, ['flows', name], ctx);
  checkTasks(components, ctx);
  const endpoints = Object.entries(model.endpoints as Record<string, EndpointConfig>).map(([name, e], index) => {
    const steps = endpointSteps(e) as readonly Frozen<Step>[];
    checkSteps(steps, Array.isArray(e) ? ['endpoints', name] : ['endpoints', name, 'steps'], ctx);
    const meta = Array.isArray(e) ? {} : (e as { method?: string; path?: string });
    return { name, index, method: meta.method, path: meta.path, steps };
  });
  checkFlowCycles(flows, p);
  checkTraffic(model, p);
  const entry = resolveEntry(model, kindOf, endpoints, flows, p);

  if (p.list.length > 0) return { ok: false, errors: new ModelErrors(p.list) };
  return {
    ok: true,
    value: {
      name: model.name,
      description: model.description,
      file,
      run: { ...model.run },
      network: { ...model.network },
      prices: model.prices,
      entry,
      keySpaces,
      components: order.map((name) => ({ name, kind: kindOf.get(name)!, config: model.components[name] as Frozen<Record<string, unknown>> })),
      flows,
      endpoints,
      traffic: model.traffic,
    },
  };
}

/** Check component references and return a build order (dependencies first). */
function componentOrder(components: [string, { kind: string }][], kindOf: Map<string, string>, p: Problems): string[] {
  const deps = new Map<string, string[]>();
  for (const [name, config] of components) {
    const refs = defOf(config.kind)?.refs(config as never) ?? [];
    const ok: string[] = [];
    for (const ref of refs) {
      const path = ['components', name, ...ref.path];
      const kind = kindOf.get(ref.name);
      if (kind === undefined) {
        p.add('SIM_E_DANGLING_REF', path, `no component named \`${ref.name}\``, {
          expected: `one of: ${listOf([...kindOf.keys()].filter((n) => ref.kinds.includes(kindOf.get(n)!)))}`,
          hint: didYouMean(ref.name, [...kindOf.keys()]),
        });
      } else if (!ref.kinds.includes(kind)) {
        p.add('SIM_E_INVALID_VALUE', path, `\`${ref.name}\` is a ${kind}`, { expected: `a component of kind ${listOf(ref.kinds)}` });
      } else {
        ok.push(ref.name);
      }
    }
    deps.set(name, ok);
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: string, trail: string[]): void => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(n)), n];
      p.add('SIM_E_CYCLE', ['components', n], `components refer to each other in a loop: ${loop.join(' → ')}`, {
        hint: 'a component may only refer to components below it in the stack (app → pool → database)',
      });
      return;
    }
    state.set(n, 'visiting');
    for (const d of deps.get(n) ?? []) visit(d, [...trail, n]);
    state.set(n, 'done');
    order.push(n);
  };
  for (const [name] of components) visit(name, []);
  return order;
}

interface StepCtx {
  p: Problems;
  kindOf: Map<string, string>;
  flows: Record<string, readonly Frozen<Step>[]>;
  model: Model;
  keySpaces: Set<string>;
}

function checkSteps(steps: readonly Frozen<Step>[], path: PathSegment[], c: StepCtx): void {
  steps.forEach((step, i) => {
    const [kind, body] = Object.entries(step)[0] as [string, any];
    const at = [...path, i, kind];
    switch (kind) {
      case 'cache_get':
      case 'cache_set':
      case 'cache_delete':
        checkComponent(body.cache, 'cache', [...at, 'cache'], c);
        checkKey(body.key, [...at, 'key'], c);
        if (kind === 'cache_get' && body.on_miss) checkSteps(body.on_miss, [...at, 'on_miss'], c);
        break;
      case 'visit':
        checkComponent(body, 'station', at, c);
        break;
      case 'call':
        if (!(body in c.flows)) {
          c.p.add('SIM_E_DANGLING_REF', at, `no flow named \`${body}\``, { expected: `one of: ${listOf(Object.keys(c.flows))}`, hint: didYouMean(body, Object.keys(c.flows)) });
        }
        break;
      case 'db':
        checkQuery(typeof body === 'string' ? { query: body } : body, typeof body === 'string' ? at : [...at, 'query'], c);
        break;
      case 'enqueue':
        checkEnqueue(body, at, c);
        break;
    }
  });
}

/** `enqueue: { queue, task }`: a worker_queue that defines the task. */
function checkEnqueue(body: { queue: string; task: string }, at: PathSegment[], c: StepCtx): void {
  checkComponent(body.queue, 'worker_queue', [...at, 'queue'], c);
  if (c.kindOf.get(body.queue) !== 'worker_queue') return;
  const tasks = Object.keys((c.model.components[body.queue] as { tasks?: object }).tasks ?? {});
  if (tasks.includes(body.task)) return;
  c.p.add('SIM_E_DANGLING_REF', [...at, 'task'], `worker_queue \`${body.queue}\` has no task \`${body.task}\``, {
    expected: `one of: ${listOf(tasks)}`,
    hint: didYouMean(body.task, tasks) ?? `define it under components.${body.queue}.tasks`,
  });
}

/** The steps of every worker_queue's tasks: checked like flows; a task has no client to respond to. */
function checkTasks(components: [string, Frozen<Record<string, unknown>> & { kind: string }][], c: StepCtx): void {
  for (const [name, config] of components) {
    if (config.kind !== 'worker_queue') continue;
    for (const [task, def] of Object.entries((config.tasks ?? {}) as Record<string, unknown>)) {
      const list = Array.isArray(def);
      const steps = (list ? def : (def as { steps: readonly Frozen<Step>[] }).steps) as readonly Frozen<Step>[];
      const path: PathSegment[] = list ? ['components', name, 'tasks', task] : ['components', name, 'tasks', task, 'steps'];
      checkSteps(steps, path, c);
      steps.forEach((s, i) => {
        if (!('respond' in s)) return;
        c.p.add('SIM_E_INVALID_VALUE', [...path, i, 'respond'], `task \`${task}\` runs on a worker: no client waits for a response`, {
          hint: 'remove it; to answer before the task runs, put `respond: 202` in the endpoint, before its enqueue step',
        });
      });
    }
  }
}

function checkComponent(name: string, kind: string, path: PathSegment[], c: StepCtx): void {
  const actual = c.kindOf.get(name);
  const candidates = [...c.kindOf.keys()].filter((n) => c.kindOf.get(n) === kind);
  if (actual === undefined) {
    c.p.add('SIM_E_DANGLING_REF', path, `no component named \`${name}\``, {
      expected: candidates.length > 0 ? `a ${kind}: ${listOf(candidates)}` : `a ${kind} component (none is defined)`,
      hint: didYouMean(name, candidates) ?? (candidates.length === 0 ? `add a component with kind: ${kind}` : undefined),
    });
  } else if (actual !== kind) {
    c.p.add('SIM_E_INVALID_VALUE', path, `\`${name}\` is a ${actual}, not a ${kind}`, { expected: candidates.length > 0 ? `a ${kind}: ${listOf(candidates)}` : `a ${kind} component` });
  }
}

function checkKey(key: string, path: PathSegment[], c: StepCtx): void {
  for (const space of templateSpaces(key)) {
    if (c.keySpaces.has(space)) continue;
    c.p.add('SIM_E_DANGLING_REF', path, `key space \`${space}\` in \`${key}\` is not defined`, {
      expected: c.keySpaces.size > 0 ? `one of: ${listOf([...c.keySpaces])}` : 'a key space defined under `keys:`',
      hint: didYouMean(space, [...c.keySpaces]) ?? `define it: keys: { ${space}: { zipf: { s: 1.1, n: 1M } } }`,
    });
  }
}

function checkQuery(q: { query: string; database?: string }, path: PathSegment[], c: StepCtx): void {
  const databases = [...c.kindOf.entries()].filter(([, k]) => k === 'database').map(([n]) => n);
  const queriesOf = (db: string) => Object.keys(((c.model.components[db] as { queries?: object }).queries ?? {}) as object);
  if (q.database !== undefined && c.kindOf.get(q.database) === 'shard_router') return checkShardedQuery(q.query, q.database, path, c, queriesOf);
  if (q.database !== undefined) {
    checkComponent(q.database, 'database', path, c);
    if (c.kindOf.get(q.database) === 'database' && !queriesOf(q.database).includes(q.query)) {
      c.p.add('SIM_E_DANGLING_REF', path, `database \`${q.database}\` has no query \`${q.query}\``, { hint: didYouMean(q.query, queriesOf(q.database)) });
    }
    return;
  }
  const holders = databases.filter((db) => queriesOf(db).includes(q.query));
  if (holders.length === 1) return;
  if (holders.length === 0) {
    const all = databases.flatMap(queriesOf);
    c.p.add('SIM_E_DANGLING_REF', path, `no database defines a query \`${q.query}\``, {
      expected: all.length > 0 ? `one of: ${listOf(all)}` : 'a query in a database component\'s `queries:`',
      hint: didYouMean(q.query, all) ?? (databases.length === 0 ? 'add a component with kind: database' : undefined),
    });
  } else {
    const router = shardRouterOver(holders, c);
    const hint = router === undefined ? 'say which: db: { query: …, database: … }' : `they are shards: name their router, db: { query: ${q.query}, database: ${router} }`;
    c.p.add('SIM_E_INVALID_VALUE', path, `query \`${q.query}\` is defined by several databases: ${listOf(holders)}`, { hint });
  }
}

/** A shard router whose shards include every one of `databases`, if there is one. */
function shardRouterOver(databases: string[], c: StepCtx): string | undefined {
  return [...c.kindOf].find(([name, kind]) => {
    if (kind !== 'shard_router') return false;
    const config = c.model.components[name] as { shards?: string[]; reshard?: { add?: string } };
    const shards = [...(config.shards ?? []), config.reshard?.add];
    return databases.every((d) => shards.includes(d));
  })?.[0];
}

/** A query through a shard router must be in every shard's catalogue (shards are checked by refs). */
function checkShardedQuery(query: string, router: string, path: PathSegment[], c: StepCtx, queriesOf: (db: string) => string[]): void {
  const config = c.model.components[router] as { shards?: string[]; reshard?: { add?: string } };
  const shards = [...(config.shards ?? []), ...(config.reshard?.add !== undefined ? [config.reshard.add] : [])];
  const lacking = shards.filter((s) => c.kindOf.get(s) === 'database' && !queriesOf(s).includes(query));
  if (lacking.length === 0) return;
  c.p.add('SIM_E_DANGLING_REF', path, `shard router \`${router}\`: shard${lacking.length > 1 ? 's' : ''} ${listOf(lacking)} ha${lacking.length > 1 ? 've' : 's'} no query \`${query}\``, {
    hint: didYouMean(query, queriesOf(lacking[0]!)) ?? 'every shard needs the same query catalogue (a YAML anchor keeps them equal)',
  });
}

function checkFlowCycles(flows: Record<string, readonly Frozen<Step>[]>, p: Problems): void {
  const calls = (steps: readonly Frozen<Step>[]): string[] =>
    steps.flatMap((s) => {
      const [kind, body] = Object.entries(s)[0] as [string, any];
      if (kind === 'call') return [body as string];
      if (kind === 'cache_get' && body.on_miss) return calls(body.on_miss);
      return [];
    });
  const state = new Map<string, number>();
  const visit = (f: string, trail: string[]): void => {
    if (state.get(f) === 2 || !(f in flows)) return;
    if (state.get(f) === 1) {
      p.add('SIM_E_CYCLE', ['flows', f], `flows call each other in a loop: ${[...trail.slice(trail.indexOf(f)), f].join(' → ')}`, { hint: 'a flow cannot call itself, directly or through others' });
      return;
    }
    state.set(f, 1);
    for (const g of calls(flows[f]!)) visit(g, [...trail, f]);
    state.set(f, 2);
  };
  for (const f of Object.keys(flows)) visit(f, []);
}

function checkTraffic(model: Model, p: Problems): void {
  const endpoints = Object.keys(model.endpoints);
  const check = (name: string, path: PathSegment[]): void => {
    if (endpoints.includes(name)) return;
    p.add('SIM_E_DANGLING_REF', path, `no endpoint named \`${name}\``, { expected: `one of: ${listOf(endpoints)}`, hint: didYouMean(name, endpoints) });
  };
  model.traffic.forEach((s, i) => {
    const src = s as TrafficSource;
    if (src.type === 'open_loop') for (const e of Object.keys(src.mix)) check(e, ['traffic', i, 'mix', e]);
    if (src.type === 'closed_loop') {
      for (const e of Object.keys(src.tasks)) check(e, ['traffic', i, 'tasks', e]);
      if (src.on_start !== undefined) check(src.on_start, ['traffic', i, 'on_start']);
    }
  });
}

function collectKeySpaces(model: Model): { name: string; spec: DistributionSpec | null }[] {
  const spaces = new Map<string, DistributionSpec | null>();
  for (const [n, spec] of Object.entries(model.keys ?? {})) spaces.set(n, spec as DistributionSpec);
  for (const s of model.traffic) for (const n of Object.keys((s as TrafficSource).keys ?? {})) if (!spaces.has(n)) spaces.set(n, null);
  return [...spaces].map(([name, spec]) => ({ name, spec }));
}

function usesInstance(steps: readonly Frozen<Step>[], flows: Record<string, readonly Frozen<Step>[]>, seen = new Set<string>()): boolean {
  return steps.some((s) => {
    const [kind, body] = Object.entries(s)[0] as [string, any];
    if (kind === 'cpu') return true;
    if (kind === 'cache_get' && body.on_miss) return usesInstance(body.on_miss, flows, seen);
    if (kind === 'call' && !seen.has(body) && flows[body]) {
      seen.add(body);
      return usesInstance(flows[body]!, flows, seen);
    }
    return false;
  });
}

const ENTRY_KINDS = ['load_balancer', 'app_tier', 'rate_limiter', 'cdn'];

function resolveEntry(model: Model, kindOf: Map<string, string>, endpoints: NormalizedEndpoint[], flows: Record<string, readonly Frozen<Step>[]>, p: Problems): string | null {
  if (model.entry !== undefined) {
    const kind = kindOf.get(model.entry);
    if (kind === undefined) p.add('SIM_E_DANGLING_REF', ['entry'], `no component named \`${model.entry}\``, { hint: didYouMean(model.entry, [...kindOf.keys()]) });
    else if (!ENTRY_KINDS.includes(kind)) p.add('SIM_E_INVALID_VALUE', ['entry'], `\`${model.entry}\` is a ${kind}; traffic cannot enter there`, { expected: `a component of kind ${listOf(ENTRY_KINDS)}` });
    return model.entry;
  }
  // the front of the stack: a component traffic can enter that no other component sends to
  const referenced = new Set(
    Object.values(model.components as Record<string, { kind: string }>).flatMap((c) => (defOf(c.kind)?.refs(c as never) ?? []).map((r) => r.name)),
  );
  const fronts = [...kindOf].filter(([n, k]) => ENTRY_KINDS.includes(k) && !referenced.has(n)).map(([n]) => n);
  if (fronts.length === 1) return fronts[0]!;
  if (fronts.length > 1) {
    p.add('SIM_E_MISSING_FIELD', [], `several components could take the traffic (${listOf(fronts)})`, { hint: `add entry: ${fronts[0]}` });
    return null;
  }
  const needy = endpoints.find((e) => usesInstance(e.steps, flows));
  if (needy) {
    p.add('SIM_E_INVALID_VALUE', ['endpoints', needy.name], `endpoint \`${needy.name}\` has cpu steps but no app_tier runs them`, { hint: 'add a component with kind: app_tier' });
  }
  return null;
}
