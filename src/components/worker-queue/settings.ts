/**
 * The worker_queue's resolved settings: defaults applied, task and queue names turned into
 * indexes, distributions built — one plain record the runtime reads. Task steps are bound
 * later (`steps`), once the builder has compiled them against the other components.
 */
import { fromSpec } from '../../engine/random/spec.js';
import type { DistributionSpec } from '../../engine/random/spec.js';
import type { Distribution } from '../../engine/types.js';
import type { Step } from '../../flow/step.js';
import { backoffOf, type Backoff } from '../policies/backoff/index.js';
import { priceOf, type PriceBook } from '../define.js';
import type { WorkerQueueConfig } from './schema.js';

export interface TaskSettings {
  readonly name: string;
  readonly index: number;
  /** Index into `QueueSettings.queues` (served in that order). */
  readonly queue: number;
  readonly failure: number;
  readonly maxRetries: number;
  readonly backoff: Backoff;
  /** The task's compiled flow; empty until the builder binds it. */
  steps: readonly Step[];
}

export interface QueueSettings {
  readonly latency: Distribution;
  /** Named queues in service order: lowest priority value first, ties in the order written. */
  readonly queues: readonly { readonly name: string; readonly priority: number }[];
  readonly instances: number;
  readonly concurrency: number;
  readonly cores: number;
  readonly startup: number;
  readonly restart: number;
  readonly acksLate: boolean;
  readonly redeliveryDelay: number;
  readonly tasks: readonly TaskSettings[];
  readonly beat: readonly { readonly task: number; readonly every: number; readonly start: number }[];
  readonly crashes: readonly { readonly at: number; readonly worker: number }[];
  /** Dollars per hour of one worker instance, and of the broker. */
  readonly workerPrice: number;
  readonly brokerPrice: number;
}

export function resolveQueue(c: WorkerQueueConfig, prices: PriceBook): QueueSettings {
  const queues = Object.entries(c.queues)
    .map(([name, priority], order) => ({ name, priority, order }))
    .sort((a, b) => a.priority - b.priority || a.order - b.order)
    .map(({ name, priority }) => ({ name, priority }));
  const queueIndex = (name: string): number => queues.findIndex((q) => q.name === name);
  const tasks = Object.entries(c.tasks).map(([name, def], index): TaskSettings => {
    const t = Array.isArray(def) ? { queue: 'default', failure: undefined, retries: undefined } : def;
    const retries = t.retries ?? c.retries;
    return {
      name, index, queue: queueIndex(t.queue), failure: t.failure ?? c.failure,
      maxRetries: retries.max, backoff: backoffOf(retries.backoff), steps: [],
    };
  });
  const taskIndex = (name: string): number => tasks.findIndex((t) => t.name === name);
  return {
    latency: fromSpec(c.broker.latency as DistributionSpec),
    queues,
    instances: c.workers.instances,
    concurrency: c.workers.concurrency ?? Math.ceil(c.workers.cores),
    cores: c.workers.cores,
    startup: c.workers.startup,
    restart: c.workers.restart,
    acksLate: c.acks_late,
    redeliveryDelay: c.redelivery_delay,
    tasks,
    beat: (c.beat ?? []).map((b) => ({ task: taskIndex(b.task), every: b.every, start: b.start ?? b.every })),
    crashes: (c.crashes ?? []).map((k) => ({ at: k.at, worker: k.worker })),
    workerPrice: priceOf(c.workers, prices),
    brokerPrice: priceOf(c.broker, prices),
  };
}
