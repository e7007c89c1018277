/**
 * The calibrated model: it loads, its endpoints make the event-loop visits the real API
 * makes, and its saturation point is what queueing theory says its bottleneck allows.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONFIGS, VARIANTS, type ConfigName } from '../../../src/harness/validate/configs.js';
import type { Demand } from '../../../src/harness/validate/demand.js';
import { modelData, modelYaml, type ModelInputs } from '../../../src/harness/validate/model-build.js';
import { QUICK } from '../../../src/harness/validate/plan.js';
import { predictedSaturation, simulateModel } from '../../../src/harness/validate/predict.js';
import { parseYamlText } from '../../../src/model/load.js';
import { loadModelDocument } from '../../../src/run/load-model.js';

const FILE = 'out/validation/model-test.yaml';

function demand(o: Partial<Demand>): Demand {
  return {
    requests: 100, rate: 100, loop: 0.3, wake: 0, driver: 0, hiLoop: 0.3, hiDriver: 0, coreFixed: 0, pgFixed: 0, handler: { mean: 0.02, sd: 0 }, queries: 1, pg: 0.2, queryCv: 0.5,
    dbLatency: 0.3, latencyQuantiles: [], cache: 0.005, client: { mean: 1, sd: 0.3 }, lag: { mean: 0.5, sd: 0.2 }, hits: 0, misses: 0, task: null, ...o,
  };
}

function inputs(name: ConfigName, demands: Record<string, Demand>): ModelInputs {
  const config = CONFIGS.find((c) => c.name === name)!;
  return {
    config, variant: VARIANTS[config.variant], plan: QUICK, demands: new Map(Object.entries(demands)),
    split: { first: 2, perQuery: 1 }, cores: { app: 1, db: 1 }, popularTtlMs: 10_000,
    client: { open: { mean: 1, sd: 0.4 }, closed: { mean: 0.5, sd: 0.3 }, lag: { mean: 0.5, sd: 0.2 }, openQuantiles: [0.8, 1, 1.2], closedQuantiles: [0.4, 0.5, 0.6] },
  };
}

const RUN = { duration: 30, warmup: 5 };
const load = (i: ModelInputs) => {
  const doc = parseYamlText(modelYaml(i, { kind: 'open', rate: 10 }, RUN, 'test'), FILE);
  if (!doc.ok) throw doc.errors;
  return loadModelDocument(doc.value);
};

const mixed = {
  login: demand({ loop: 5, handler: { mean: 4.5, sd: 0.5 }, queries: 2, pg: 0.6 }),
  'get_user:hit': demand({ loop: 0.1, queries: 0, pg: 0, dbLatency: 0 }),
  'get_user:miss': demand({ loop: 0.3 }),
  'popular:hit': demand({ loop: 0.1, queries: 0, pg: 0, dbLatency: 0 }),
  'popular:miss': demand({ loop: 0.4, pg: 5 }),
  list_users: demand({}), update_user: demand({ queries: 2 }), record_interaction: demand({}), register: demand({ loop: 5, handler: { mean: 4.5, sd: 0.4 } }),
};

describe('modelData', () => {
  it('writes a model that loads, for every configuration', () => {
    const task = { wait: { mean: 5, sd: 2 }, service: { mean: 1, sd: 0.5 } };
    const all = { ...mixed, get_user: demand({}), popular: demand({ pg: 5 }), record_interaction: demand({ task }) };
    for (const c of CONFIGS) expect(load(inputs(c.name, all)).model.name).toBe(`validate-${c.name}`);
  });

  it('models the queued POST /interactions as a publish on the path and a worker task with the measured pickup and service', () => {
    const d = demand({ pg: 2, dbLatency: 0, task: { wait: { mean: 5, sd: 0 }, service: { mean: 1, sd: 0 } } });
    const i = inputs('async-interactions', { record_interaction: d });
    const data = modelData(i, { kind: 'open', rate: 5 }, RUN);
    const steps = (data.endpoints as Record<string, { steps: Record<string, unknown>[] }>).record_interaction!.steps;
    const at = steps.findIndex((x) => x.db === 'boss_send');
    expect(steps[at + 1]).toEqual({ enqueue: { queue: 'tasks', task: 'record_interaction' } });
    const queue = (data.components as Record<string, { kind: string; tasks: Record<string, Record<string, unknown>[]> }>).tasks!;
    expect(queue.kind).toBe('worker_queue');
    // pickup 5 ms less the fetch's Postgres CPU (½ of 2 ms), fetch, the row (¼ of 2 ms), the rest of 1 ms of service
    expect(queue.tasks.record_interaction!.map((x) => Object.keys(x)[0])).toEqual(['sleep', 'db', 'db', 'sleep']);
    // at 5 req/s nothing queues: the task takes 4 + 1 + 0.5 + 0.5 = 6 ms, the response answers first
    const s = simulateModel(i, { kind: 'open', rate: 5 }, { duration: 400, warmup: 5 }, FILE);
    const tasks = s.components.find((c) => c.kind === 'worker_queue')!.extra!;
    expect(tasks.task_latency_mean_ms!).toBeGreaterThan(5.9);
    expect(tasks.task_latency_mean_ms!).toBeLessThan(6.3);
    expect(s.overall.latencyMs.mean!).toBeLessThan(tasks.task_latency_mean_ms!);
  });

  it('gives an endpoint one event-loop visit, plus one per query result, with the handler CPU where it runs', () => {
    const register = demand({ loop: 5, wake: 0.2, handler: { mean: 4.5, sd: 0.45 }, pg: 0.5, dbLatency: 1, queryCv: 0.5 });
    const data = modelData(inputs('register', { register }), { kind: 'open', rate: 10 }, RUN);
    const steps = (data.endpoints as Record<string, { steps: unknown[] }>).register!.steps;
    // client wait, waking the loop, visit 0 (hashing + 2/3 of the 0.5 ms overhead), query,
    // its latency (sd: √(0.75² − 0.25²) of the 1.5 ms query time), visit 1 (1/3 of the overhead)
    expect(steps).toEqual([
      { sleep: { empirical: { samples: ['800us', '1ms', '1.2ms'] } } },
      { sleep: { constant: '200us' } },
      { cpu: { gamma: { mean: '4.833ms', cv: 0.0931 } } },
      { db: 'insert_user' },
      { sleep: { gamma: { mean: '1ms', cv: 0.707 } } },
      { cpu: { constant: '166.7us' } },
    ]);
    expect((data.components as Record<string, { queries: Record<string, unknown> }>).pg!.queries.insert_user)
      .toEqual({ table: 'users', write: true, cost: { gamma: { mean: '500us', cv: 0.5 } } });
  });

  it('puts a cached endpoint\'s query, second visit and cache_set under on_miss', () => {
    const data = modelData(inputs('cache-on', mixed), { kind: 'open', rate: 10 }, RUN);
    const steps = (data.endpoints as Record<string, { steps: Record<string, unknown>[] }>).get_user!.steps;
    expect(steps.map((s) => Object.keys(s)[0])).toEqual(['sleep', 'cpu', 'cache_get']);
    const onMiss = (steps[2]!.cache_get as { on_miss: Record<string, unknown>[] }).on_miss;
    expect(onMiss.map((s) => Object.keys(s)[0])).toEqual(['db', 'sleep', 'cpu', 'cache_set']);
    expect(parse(modelYaml(inputs('cache-on', mixed), { kind: 'open', rate: 10 }, RUN, 'a\nb'))).toMatchObject({ components: { users_cache: { capacity: QUICK.cache.capacity } } });
  });

  it('uses the closed-loop client side (no schedule lag) for a closed loop', () => {
    const data = modelData(inputs('mixed', mixed), { kind: 'closed', users: 5, thinkSec: 0.1, spawnRate: 5 }, RUN);
    const steps = (data.endpoints as Record<string, { steps: Record<string, unknown>[] }>).list_users!.steps;
    expect(steps[0]).toEqual({ sleep: { empirical: { samples: ['400us', '500us', '600us'] } } });
    expect(data.traffic).toEqual([{ type: 'closed_loop', name: 'users', users: 5, spawn_rate: '5/s', wait_time: 'between(50ms, 150ms)', on_start: 'login', tasks: CONFIGS.find((c) => c.name === 'mixed')!.workload.kind === 'closed' ? { get_user: 60, record_interaction: 18, list_users: 10, update_user: 5, popular: 5, register: 2 } : {} }]);
  });
});

describe('predictedSaturation', () => {
  it('is 1 / (event-loop CPU per request) when the event loop is the bottleneck', () => {
    const i = inputs('register', { register: demand({ loop: 10, handler: { mean: 8, sd: 1 }, pg: 0.5, dbLatency: 1 }) });
    expect(predictedSaturation(i, RUN, FILE)).toBeGreaterThan(100 * 0.98);
    expect(predictedSaturation(i, RUN, FILE)).toBeLessThan(100 * 1.02);
  });

  it('is cores / (Postgres CPU per request) when the database is', () => {
    const i = inputs('pool-2', { popular: demand({ loop: 0.5, pg: 10, dbLatency: 0, queryCv: 0.4 }) });
    const x = predictedSaturation(i, RUN, FILE);
    expect(x).toBeGreaterThan(100 * 0.97);
    expect(x).toBeLessThan(100 * 1.02);
  });
});
