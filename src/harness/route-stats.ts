/**
 * Per-route aggregates of the request timings, served at GET /__stats, next to the task
 * queue's statistics (queue/task-stats.ts) under `tasks`.
 * Each component keeps count, sum, sum of squares, min and max (constant memory per route),
 * from which the snapshot derives mean and standard deviation for calibration.
 */
import type { TaskSnapshot } from './queue/task-stats.js';
import { COMPONENTS, type RequestTiming } from './timing.js';

export class Moments {
  n = 0;
  sum = 0;
  sumSq = 0;
  min = Infinity;
  max = -Infinity;

  add(x: number): void {
    this.n += 1;
    this.sum += x;
    this.sumSq += x * x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  snapshot(): MomentsSnapshot {
    if (this.n === 0) return { sum: 0, sumSq: 0, mean: 0, sd: 0, min: 0, max: 0 };
    const mean = this.sum / this.n;
    // Sample variance from the raw moments; clamp the tiny negative values rounding can give.
    const variance = this.n > 1 ? Math.max(0, (this.sumSq - this.n * mean * mean) / (this.n - 1)) : 0;
    return { sum: this.sum, sumSq: this.sumSq, mean, sd: Math.sqrt(variance), min: this.min, max: this.max };
  }
}

export interface MomentsSnapshot {
  readonly sum: number;
  readonly sumSq: number;
  readonly mean: number;
  /** Sample standard deviation (0 with fewer than two observations). */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface RouteSnapshot {
  readonly count: number;
  /** Responses by HTTP status code. */
  readonly status: Readonly<Record<string, number>>;
  /** Milliseconds per request, per component; `total` is server time from request to response. */
  readonly ms: Readonly<Record<'cpu' | 'pool' | 'db' | 'cache' | 'total', MomentsSnapshot>>;
  /** Queries per request. */
  readonly queries: MomentsSnapshot;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

export interface StatsSnapshot {
  /** Wall-clock time (ISO) since which these statistics were collected. */
  readonly since: string;
  readonly routes: Readonly<Record<string, RouteSnapshot>>;
  /** Background tasks by name (empty when the task queue is off). */
  readonly tasks: Readonly<Record<string, TaskSnapshot>>;
}

/** What RouteStats needs of the task statistics; kept abstract so no import cycle arises. */
export interface TaskStatsSource {
  snapshot(): Readonly<Record<string, TaskSnapshot>>;
  reset(): void;
}

const NO_TASKS: TaskStatsSource = { snapshot: () => ({}), reset: () => undefined };

class RouteAggregate {
  count = 0;
  readonly status = new Map<number, number>();
  readonly ms = { cpu: new Moments(), pool: new Moments(), db: new Moments(), cache: new Moments(), total: new Moments() };
  readonly queries = new Moments();
  cacheHits = 0;
  cacheMisses = 0;

  add(t: RequestTiming, statusCode: number, totalMs: number): void {
    this.count += 1;
    this.status.set(statusCode, (this.status.get(statusCode) ?? 0) + 1);
    for (const c of COMPONENTS) this.ms[c].add(t[c]);
    this.ms.total.add(totalMs);
    this.queries.add(t.queries);
    this.cacheHits += t.cacheHits;
    this.cacheMisses += t.cacheMisses;
  }

  snapshot(): RouteSnapshot {
    const status: Record<string, number> = {};
    for (const [code, n] of [...this.status].sort((a, b) => a[0] - b[0])) status[String(code)] = n;
    const ms = {
      cpu: this.ms.cpu.snapshot(), pool: this.ms.pool.snapshot(), db: this.ms.db.snapshot(),
      cache: this.ms.cache.snapshot(), total: this.ms.total.snapshot(),
    };
    return { count: this.count, status, ms, queries: this.queries.snapshot(), cacheHits: this.cacheHits, cacheMisses: this.cacheMisses };
  }
}

/** Aggregates keyed by route, e.g. "GET /users/:id". */
export class RouteStats {
  private routes = new Map<string, RouteAggregate>();
  private since = new Date();

  constructor(private readonly tasks: TaskStatsSource = NO_TASKS) {}

  record(route: string, t: RequestTiming, statusCode: number, totalMs: number): void {
    let agg = this.routes.get(route);
    if (!agg) this.routes.set(route, (agg = new RouteAggregate()));
    agg.add(t, statusCode, totalMs);
  }

  snapshot(): StatsSnapshot {
    const routes: Record<string, RouteSnapshot> = {};
    for (const key of [...this.routes.keys()].sort()) routes[key] = this.routes.get(key)!.snapshot();
    return { since: this.since.toISOString(), routes, tasks: this.tasks.snapshot() };
  }

  reset(): void {
    this.tasks.reset();
    this.routes = new Map();
    this.since = new Date();
  }
}
