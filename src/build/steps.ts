/**
 * Compile the model's steps into Step objects bound to built components. Each step that
 * draws (cpu, sleep) gets its own stream named for its place in the model
 * (`step/<endpoint>/<index path>`), so editing one endpoint never shifts another's draws.
 */
import type { Cache, Database, ReadRoute, TaskQueue, Visitable } from '../components/contracts.js';
import type { WorkerQueue } from '../components/worker-queue.js';
import { fromSpec } from '../engine/random/spec.js';
import type { DistributionSpec } from '../engine/random/spec.js';
import type { Simulation } from '../engine/simulation.js';
import { createContext } from '../engine/context.js';
import { compileKey, type KeyNamespaces } from '../flow/keys.js';
import type { Step } from '../flow/step.js';
import { CacheGetStep, CacheWriteStep } from '../flow/steps/cache.js';
import { CallStep, RespondStep, VisitStep } from '../flow/steps/control.js';
import { CpuStep } from '../flow/steps/cpu.js';
import { DbStep } from '../flow/steps/db.js';
import { EnqueueStep } from '../flow/steps/enqueue.js';
import { SleepStep } from '../flow/steps/sleep.js';
import type { Step as StepConfig } from '../model/schema/endpoint.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { Frozen } from '../model/validate.js';

export interface StepEnv {
  sim: Simulation;
  model: NormalizedModel;
  component<T>(name: string): T;
  keySpaceIndex(name: string): number;
  namespaces: KeyNamespaces;
}

/** Compile every endpoint (by index) and named flow; `call` steps are linked at the end. */
export function compileFlows(env: StepEnv): { endpoints: (readonly Step[])[]; flows: Map<string, readonly Step[]> } {
  const calls: [CallStep, string][] = [];
  const flows = new Map<string, readonly Step[]>();
  for (const [name, steps] of Object.entries(env.model.flows)) flows.set(name, compile(steps, `flow/${name}`, env, calls));
  const endpoints = env.model.endpoints.map((e) => compile(e.steps, `step/${e.name}`, env, calls));
  compileTasks(env, calls);
  for (const [step, target] of calls) step.target = flows.get(target)!;
  return { endpoints, flows };
}

function compile(steps: readonly Frozen<StepConfig>[], at: string, env: StepEnv, calls: [CallStep, string][]): Step[] {
  return steps.map((s, i) => one(s, `${at}/${i}`, env, calls));
}

function one(s: Frozen<StepConfig>, at: string, env: StepEnv, calls: [CallStep, string][]): Step {
  const [kind, body] = Object.entries(s)[0] as [string, any];
  const label = `${at}:${kind}`;
  switch (kind) {
    case 'cpu':
      return new CpuStep(label, fromSpec(body as DistributionSpec), env.sim.stream(at));
    case 'sleep':
      return new SleepStep(label, createContext(env.sim, at), fromSpec(body as DistributionSpec), env.sim.stream(`${at}/delay`));
    case 'db': {
      const q = typeof body === 'string' ? { query: body, route: 'auto', repeat: 1 } : body;
      const dbName = q.database ?? env.model.components.find((c) => c.kind === 'database' && Object.hasOwn((c.config as { queries?: object }).queries ?? {}, q.query))!.name;
      const db = env.component<Database>(dbName);
      return new DbStep(label, db, db.plan(q.query), (q.route ?? 'auto') as ReadRoute, q.repeat ?? 1);
    }
    case 'cache_get':
      return new CacheGetStep(label, env.component<Cache>(body.cache), key(body.key, env), body.on_miss ? compile(body.on_miss, `${at}/miss`, env, calls) : []);
    case 'cache_set':
    case 'cache_delete':
      return new CacheWriteStep(kind, label, env.component<Cache>(body.cache), key(body.key, env));
    case 'call': {
      const step = new CallStep(label);
      calls.push([step, body as string]);
      return step;
    }
    case 'visit':
      return new VisitStep(label, env.component<Visitable>(body as string));
    case 'respond':
      return new RespondStep(label, body as number);
    case 'enqueue': {
      const queue = env.component<TaskQueue>(body.queue);
      return new EnqueueStep(label, queue, queue.taskIndex(body.task));
    }
    default:
      throw new Error(`compile: unknown step kind ${kind} (the schema should have refused it)`);
  }
}

/** Each worker_queue's tasks (`task/<queue>/<task>/<i>` streams), handed to the built queue. */
function compileTasks(env: StepEnv, calls: [CallStep, string][]): void {
  for (const c of env.model.components) {
    if (c.kind !== 'worker_queue') continue;
    const tasks = new Map<string, readonly Step[]>();
    for (const [name, def] of Object.entries((c.config as { tasks: Record<string, unknown> }).tasks)) {
      const steps = (Array.isArray(def) ? def : (def as { steps: unknown }).steps) as readonly Frozen<StepConfig>[];
      tasks.set(name, compile(steps, `task/${c.name}/${name}`, env, calls));
    }
    env.component<WorkerQueue>(c.name).bindTasks(tasks, env.model.keySpaces.length);
  }
}

function key(text: string, env: StepEnv) {
  return compileKey(text, env.keySpaceIndex, env.namespaces);
}
