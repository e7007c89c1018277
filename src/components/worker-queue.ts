/**
 * `worker_queue`: Celery / RQ-style background tasks. An `enqueue` step publishes a task
 * (paying the broker latency); worker instances take tasks from named priority queues and
 * run each task's flow of steps; failed attempts are retried with backoff and jitter, then
 * dead-lettered; a crashed worker's tasks are redelivered (acks_late) or lost; beat publishes
 * periodic tasks. Parts: worker-queue/schema.ts and settings.ts (YAML, defaults), task.ts,
 * broker.ts, worker.ts, fleet.ts (instances, scaling, crashes), runtime.ts, report.ts.
 */
import type { PoolProvider } from './contracts.js';
import { defineComponent } from './define.js';
import { WorkerQueue } from './worker-queue/runtime.js';
import { WORKER_POOL_KINDS, workerQueueSchema } from './worker-queue/schema.js';
import { resolveQueue } from './worker-queue/settings.js';

export { WorkerQueue };

export const workerQueue = defineComponent({
  kind: 'worker_queue',
  summary: 'Celery/RQ-style task queue: broker latency, named priority queues, a worker pool, retries with backoff, dead letters, beat.',
  schema: workerQueueSchema,
  refs: (c) => (c.workers.pool === undefined ? [] : [{ path: ['workers', 'pool'], name: c.workers.pool, kinds: WORKER_POOL_KINDS }]),
  build(name, config, env): WorkerQueue {
    const provider = config.workers.pool === undefined ? null : env.lookup<PoolProvider>(config.workers.pool);
    if (provider !== null && typeof provider.forInstance !== 'function') {
      throw new Error(`worker_queue ${name}: pool ${config.workers.pool} does not provide per-instance connections (forInstance)`);
    }
    return new WorkerQueue(name, env.ctx, env.flow, resolveQueue(config, env.prices), {
      contextFor: (index) => env.subContext(String(index)),
      poolFor: (instance) => (provider === null ? null : provider.forInstance(instance)),
      taskContext: env.subContext('tasks'),
    });
  },
});
