/**
 * The compared figures, read the same way from both sides: from a simulated RunSummary
 * (the pool's and the user cache's reports) and from a measured level (the driver's
 * latency and throughput, GET /__stats for the pool wait and the cache hit ratio).
 */
import type { RequestStats } from '../driver/index.js';
import type { RunSummary } from '../../metrics/summary.js';
import type { StatsSnapshot } from '../route-stats.js';
import type { Figures } from './compare.js';
import { ENDPOINTS } from './endpoints.js';
import { parseYamlText } from '../../model/load.js';
import { loadModelDocument } from '../../run/load-model.js';
import { simulate } from '../../run/simulate.js';

/** Simulate a model given as YAML text; `file` places it (its price book is looked up beside it). */
export function simulateYaml(text: string, file: string, run: { duration: number; warmup: number; seed?: number }): RunSummary {
  const doc = parseYamlText(text, file);
  if (!doc.ok) throw doc.errors;
  return simulate(loadModelDocument(doc.value), { seed: run.seed ?? 1, duration: run.duration, warmup: run.warmup });
}

export function predictedFigures(s: RunSummary): Figures {
  const pool = s.components.find((c) => c.kind === 'connection_pool');
  const cache = s.components.find((c) => c.name === 'users_cache');
  const tasks = s.components.find((c) => c.kind === 'worker_queue')?.extra;
  const waits = pool?.extra?.acquisitions ?? 0;
  const lat = s.overall.latencyMs;
  return {
    throughput: s.overall.throughput,
    p50: lat.p50,
    p95: lat.p95,
    p99: lat.p99,
    poolWaitMs: s.overall.count > 0 && pool?.extra !== undefined ? ((pool.extra.mean_wait_ms ?? 0) * waits) / s.overall.count : null,
    hitRatio: cache?.hitRatio ?? null,
    taskP50: tasks?.task_latency_p50_ms ?? null,
    taskP95: tasks?.task_latency_p95_ms ?? null,
  };
}

export function measuredFigures(overall: RequestStats, stats: StatsSnapshot): Figures {
  const routes = Object.values(stats.routes);
  const count = routes.reduce((n, r) => n + r.count, 0);
  const poolSum = routes.reduce((n, r) => n + r.ms.pool.sum, 0);
  const users = stats.routes[ENDPOINTS.get_user.route];
  const lookups = users === undefined ? 0 : users.cacheHits + users.cacheMisses;
  const task = stats.tasks.record_interaction?.ms.latency; // the API's one task (queue/queue.ts TASK)
  const tasked = task !== undefined && task.count > 0;
  return {
    throughput: overall.okThroughput,
    p50: overall.latency.count > 0 ? overall.latency.p50 : null,
    p95: overall.latency.count > 0 ? overall.latency.p95 : null,
    p99: overall.latency.count > 0 ? overall.latency.p99 : null,
    poolWaitMs: count > 0 ? poolSum / count : null,
    hitRatio: lookups > 0 ? users!.cacheHits / lookups : null,
    taskP50: tasked ? task.p50 : null,
    taskP95: tasked ? task.p95 : null,
  };
}
