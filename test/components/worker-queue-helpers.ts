// Test helpers for the worker_queue: build one from YAML-shaped config in a test world, bind
// hand-made task flows, publish through real enqueue steps, and log attempt probes.
import { workerQueue, type WorkerQueue } from '../../src/components/worker-queue.js';
import { workerQueueSchema } from '../../src/components/worker-queue/schema.js';
import type { AttemptProbe } from '../../src/components/worker-queue/runtime.js';
import { fromSpec } from '../../src/engine/random/spec.js';
import type { DistributionSpec } from '../../src/engine/random/spec.js';
import type { Request } from '../../src/flow/request.js';
import type { Step } from '../../src/flow/step.js';
import { RespondStep } from '../../src/flow/steps/control.js';
import { CpuStep } from '../../src/flow/steps/cpu.js';
import { EnqueueStep } from '../../src/flow/steps/enqueue.js';
import { SleepStep } from '../../src/flow/steps/sleep.js';
import { createContext } from '../../src/engine/context.js';
import { testWorld, type TestWorld } from './env.js';

export interface QueueWorld {
  w: TestWorld;
  q: WorkerQueue;
  attempts: AttemptProbe[];
  /** Send a request that answers 202 and then publishes task `task` (index). */
  send(task?: number, keys?: number[]): Request;
}

/** `config` is the YAML body without `kind`; `flows` maps each task to its steps. */
export function queueWorld(config: Record<string, unknown>, flows: (w: TestWorld) => Record<string, Step[]>, seed: string | number = 1): QueueWorld {
  const w = testWorld(seed);
  const parsed = workerQueueSchema.parse({ kind: 'worker_queue', ...config });
  const q = workerQueue.build('q', parsed, w.env('q'));
  q.bindTasks(new Map(Object.entries(flows(w))), 2);
  const attempts: AttemptProbe[] = [];
  w.sim.probes.on<AttemptProbe>('worker_queue.attempt', (e) => attempts.push({ ...e }));
  const tasksSteps = new Map<number, Step[]>();
  const send = (task = 0, keys: number[] = []): Request => {
    let steps = tasksSteps.get(task);
    if (!steps) tasksSteps.set(task, (steps = [new RespondStep('respond', 202), new EnqueueStep('enqueue', q, task)]));
    const req = w.request(0, keys);
    w.flow.start(req, steps);
    return req;
  };
  return { w, q, attempts, send };
}

/** A task step computing `spec` on the worker (constant seconds when a number). */
export function cpu(w: TestWorld, spec: number | DistributionSpec, name = 'cpu'): Step {
  const d = typeof spec === 'number' ? { constant: { value: spec } } : spec;
  return new CpuStep(name, fromSpec(d as DistributionSpec), w.sim.stream(`test/${name}`));
}

/** A task step waiting `seconds` without CPU (an external call). */
export function sleep(w: TestWorld, seconds: number, name = 'sleep'): Step {
  return new SleepStep(name, createContext(w.sim, `test/${name}`), fromSpec({ constant: { value: seconds } }), w.sim.stream(`test/${name}/delay`));
}

/** Poisson arrivals at `rate` per second until `until`, each running `send`. */
export function poisson(w: TestWorld, rate: number, until: number, send: () => void, stream = 'arrivals'): void {
  const rng = w.sim.stream(stream);
  const next = (): void => {
    send();
    const gap = -Math.log(1 - rng.next()) / rate;
    if (w.sim.now + gap < until) w.sim.schedule(gap, next, null);
  };
  w.sim.schedule(-Math.log(1 - rng.next()) / rate, next, null);
}
