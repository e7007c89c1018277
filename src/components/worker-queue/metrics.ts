/**
 * The figures an autoscaler reads from a worker_queue (Scalable.metric), each averaged since
 * the previous call for the same metric: the ready-queue depth (in all, or per worker — what
 * KEDA and a Celery queue-length scaler target) and the workers' CPU utilisation.
 */
import type { WorkerQueue } from './runtime.js';

export const WORKER_METRICS = ['queue_depth_per_worker', 'queue_depth', 'cpu'] as const;
export type WorkerMetric = (typeof WORKER_METRICS)[number];

/** Where the previous call for one metric left off: its time and the running integrals. */
export interface MetricCursor {
  t: number;
  depth: number;
  busy: number;
  serving: number;
}

export function scalerMetric(q: WorkerQueue, name: string, now: number, cursors: Map<string, MetricCursor>): number {
  if (!(WORKER_METRICS as readonly string[]).includes(name)) {
    throw new RangeError(`worker_queue ${q.name}: unknown metric ${JSON.stringify(name)}; allowed: ${WORKER_METRICS.join(', ')}`);
  }
  const at: MetricCursor = {
    t: now,
    depth: q.broker.depthForever.integral(now),
    busy: q.fleet.busyCoreSeconds(now),
    serving: q.fleet.serving.integral(now),
  };
  const from = cursors.get(name) ?? { t: q.broker.depthForever.startTime, depth: 0, busy: 0, serving: 0 };
  cursors.set(name, at);
  const span = at.t - from.t;
  const depth = span > 0 ? (at.depth - from.depth) / span : q.broker.ready;
  switch (name as WorkerMetric) {
    case 'queue_depth':
      return depth;
    case 'queue_depth_per_worker':
      return depth / Math.max(1, q.fleet.replicas);
    case 'cpu': {
      const capacity = (at.serving - from.serving) * q.settings.cores;
      return capacity > 0 ? Math.min(1, (at.busy - from.busy) / capacity) : 0;
    }
  }
}
