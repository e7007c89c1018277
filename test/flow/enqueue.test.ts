// The `enqueue` step: its coroutine, the normalizer's checks of what it names, and — through
// the whole pipeline — the issue's test: a 202 endpoint's latency excludes the task, while
// the task latency (publish → done) includes its queueing.
import { describe, expect, it } from 'vitest';
import type { TaskQueue } from '../../src/components/contracts.js';
import { mm1 } from '../../src/analytic/mm1.js';
import { ModelErrors } from '../../src/model/errors.js';
import { parseYamlText } from '../../src/model/load.js';
import { Request } from '../../src/flow/request.js';
import type { FlowControl } from '../../src/flow/step.js';
import { EnqueueStep } from '../../src/flow/steps/enqueue.js';
import { loadModelDocument } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

describe('enqueue step', () => {
  it('publishes once, waits to be resumed, then moves on', () => {
    const published: [Request, number][] = [];
    const queue: TaskQueue = { publish: (req, task) => published.push([req, task]), taskIndex: () => 3 };
    const moves: string[] = [];
    const flow = { next: () => moves.push('next') } as unknown as FlowControl;
    const step = new EnqueueStep('e', queue, 3);
    const req = new Request(0);
    step.run(req, flow);
    expect(published).toEqual([[req, 3]]);
    expect(moves).toEqual([]);
    step.run(req, flow); // resumed by the queue once the broker has the task
    expect(published.length).toBe(1);
    expect(moves).toEqual(['next']);
  });
});

const model = (endpoint: string, extra = '') => `
name: async
run: { duration: 2h, warmup: 10m, seed: 3 }
components:
  jobs:
    kind: worker_queue
    broker: { latency: { constant: 2ms } }
    workers: { instances: 1, concurrency: 1 }
    tasks:
      work:
        - cpu: { exponential: { mean: 100ms } }
${extra}
endpoints:
  submit:
${endpoint}
traffic:
  - type: open_loop
    rate: 8/s
    mix: { submit: 1 }
`;

const load = (text: string) => {
  const doc = parseYamlText(text, '<async>');
  if (!doc.ok) throw doc.errors;
  return loadModelDocument(doc.value);
};

const errorsOf = (text: string): string[] => {
  try {
    load(text);
    return [];
  } catch (err) {
    if (!(err instanceof ModelErrors)) throw err;
    return err.errors.map((e) => `${e.code} ${e.path}: ${e.detail}${e.hint ? ` (${e.hint})` : ''}`);
  }
};

describe('enqueue through the pipeline', () => {
  it('a 202 endpoint answers in its own time while the task latency includes the queue (M/M/1)', () => {
    const loaded = load(model(`
    - sleep: { constant: 5ms }
    - respond: 202
    - enqueue: { queue: jobs, task: work }`));
    const summary = simulate(loaded);
    const submit = summary.endpoints[0]!;
    expect(submit.byStatus).toEqual({ 202: submit.count });
    expect(submit.latencyMs.max).toBe(5);
    const jobs = summary.components.find((c) => c.name === 'jobs')!;
    const exact = mm1({ lambda: 8, mu: 10 });
    // publish (2 ms) + M/M/1 sojourn W = 1/(μ−λ) = 500 ms, of which Wq = 400 ms queueing
    const w = jobs.extra!.task_latency_mean_ms! / 1000;
    expect(Math.abs(w - 0.002 - exact.W) / exact.W).toBeLessThan(0.08);
    expect(Math.abs(jobs.extra!.task_wait_mean_ms! / 1000 - exact.Wq) / exact.Wq).toBeLessThan(0.1);
    expect(Math.abs(jobs.meanQueue! - exact.Lq) / exact.Lq).toBeLessThan(0.1);
    expect(Math.abs(jobs.utilisation! - exact.rho)).toBeLessThan(0.02);
    // tasks never count as requests
    expect(summary.requests.started).toBe(summary.requests.responded + summary.requests.inFlight);
    expect(summary.overall.count).toBe(submit.count);
  });

  it('publishing before responding puts the broker latency, and only that, in the response', () => {
    const summary = simulate(load(model(`
    - enqueue: { queue: jobs, task: work }
    - respond: 202`)), { duration: 60, warmup: 0 });
    expect(summary.endpoints[0]!.latencyMs.max).toBe(2);
    expect(summary.endpoints[0]!.latencyMs.p50).toBe(2);
  });

  it('names what an enqueue step gets wrong', () => {
    expect(errorsOf(model(`
    - enqueue: { queue: jobs, task: wrok }`))).toEqual(['SIM_E_DANGLING_REF endpoints.submit[0].enqueue.task: worker_queue `jobs` has no task `wrok` (did you mean `work`?)']);
    expect(errorsOf(model(`
    - enqueue: { queue: cache, task: work }`, `
  cache: { kind: cache, capacity: 10 }`))).toEqual(['SIM_E_INVALID_VALUE endpoints.submit[0].enqueue.queue: `cache` is a cache, not a worker_queue']);
    expect(errorsOf(model(`
    - enqueue: { queue: jbos, task: work }`))[0]).toMatch(/^SIM_E_DANGLING_REF endpoints\.submit\[0\]\.enqueue\.queue: no component named `jbos`/);
  });

  it('checks task steps like flows, and refuses a respond inside a task', () => {
    const text = model(`
    - respond: 202`, `
      bad:
        - respond: 200
        - cache_get: { cache: nowhere, key: "user:{usr}" }`);
    expect(errorsOf(text)).toEqual([
      'SIM_E_INVALID_VALUE components.jobs.tasks.bad[0].respond: task `bad` runs on a worker: no client waits for a response (remove it; to answer before the task runs, put `respond: 202` in the endpoint, before its enqueue step)',
      'SIM_E_DANGLING_REF components.jobs.tasks.bad[1].cache_get.cache: no component named `nowhere` (add a component with kind: cache)',
      'SIM_E_DANGLING_REF components.jobs.tasks.bad[1].cache_get.key: key space `usr` in `user:{usr}` is not defined (define it: keys: { usr: { zipf: { s: 1.1, n: 1M } } })',
    ]);
  });
});
