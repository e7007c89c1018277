/**
 * The worker_queue's report: workers' CPU utilisation, ready-queue depth (time-weighted mean
 * and peak), cost (worker instance-hours actually billed, plus the broker), and in `extra`
 * the task counts, task latency (publish → done) and queue wait percentiles in ms. Figures
 * without data are left out rather than reported as 0 or NaN.
 */
import type { LatencyHistogram } from '../../engine/stats/histogram.js';
import type { ComponentReport } from '../define.js';
import type { WorkerQueue } from './runtime.js';

export function queueReport(q: WorkerQueue, now: number): ComponentReport {
  const { stats, broker, fleet, settings } = q;
  const elapsed = now - stats.since;
  const cpu = q.cpuSinceReset(now);
  const servingMean = elapsed > 0 ? cpu.serving / elapsed : fleet.serving.current;
  const extra: Record<string, number> = {
    workers: fleet.replicas,
    workers_starting: fleet.starting,
    mean_workers: fleet.billed.mean(now),
    enqueued: stats.enqueued,
    attempts: stats.attempts,
    completed: stats.completed,
    failed_attempts: stats.failedAttempts,
    failed_by_error: stats.failedByError,
    retries: stats.retries,
    dead_lettered: stats.deadLettered,
    redelivered: stats.redelivered,
    lost: stats.lost,
    crashes: stats.crashes,
    ready_now: broker.ready,
    running_now: fleet.live.reduce((n, w) => n + w.active, 0),
    scheduled_now: q.publisher.scheduled,
  };
  if (servingMean > 0) extra.slot_utilisation = stats.busySlots.mean(now) / (servingMean * settings.concurrency);
  if (elapsed > 0) extra.throughput = stats.completed / elapsed;
  percentiles(extra, 'task_latency', stats.latency, [50, 95, 99]);
  percentiles(extra, 'task_wait', stats.wait, [95]);
  if (settings.queues.length > 1) {
    settings.queues.forEach((queue, i) => {
      extra[`queue.${queue.name}.mean_depth`] = broker.depthOf[i]!.mean(now);
      extra[`queue.${queue.name}.max_depth`] = broker.depthOf[i]!.max;
    });
  }
  if (settings.tasks.length > 1) {
    settings.tasks.forEach((t, i) => {
      const s = stats.perTask[i]!;
      extra[`task.${t.name}.completed`] = s.completed;
      if (s.latency.count > 0) extra[`task.${t.name}.latency_p95_ms`] = s.latency.percentile(95)! * 1000;
    });
  }
  const capacity = cpu.serving * settings.cores;
  return {
    name: q.name,
    kind: q.kind,
    utilisation: capacity > 0 ? cpu.busy / capacity : 0,
    meanQueue: broker.depth.mean(now),
    maxQueue: broker.depth.max,
    costPerHour: settings.workerPrice * fleet.billed.mean(now) + settings.brokerPrice,
    extra,
  };
}

function percentiles(extra: Record<string, number>, prefix: string, h: LatencyHistogram, ps: readonly number[]): void {
  if (h.count === 0) return;
  extra[`${prefix}_mean_ms`] = h.mean! * 1000;
  for (const p of ps) extra[`${prefix}_p${p}_ms`] = h.percentile(p)! * 1000;
  extra[`${prefix}_max_ms`] = h.max! * 1000;
}
