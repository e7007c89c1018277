/**
 * From one calibration window to an endpoint's service demands, in milliseconds per request:
 * the event loop's whole busy time (GET /__stats `cpu` covers only the hook-delimited
 * phases; HTTP parsing, routing, the pg protocol and promise plumbing are the rest), the
 * handler's own CPU, Postgres's CPU and the query time that is not Postgres CPU (loopback,
 * process wake-ups, fsync), and the client side of the latency (driver lag, HTTP transit).
 */
import type { MomentsSnapshot, RouteSnapshot } from '../route-stats.js';
import { residualMoments } from './fit.js';
import { median } from './robust.js';
import { QUEUED_PG_SHARE } from './endpoints.js';

export interface Moments {
  readonly mean: number;
  readonly sd: number;
}

export interface Demand {
  /** Requests the window counted. */
  readonly requests: number;
  /** Requests per second the window served (its realised rate). */
  readonly rate: number;
  /** Event-loop busy time per request. */
  readonly loop: number;
  /** Time per request the process spends waking up rather than working (see `marginal`). */
  readonly wake: number;
  /** The load driver's CPU per request: it shares the API's core (see layout.ts). */
  readonly driver: number;
  /** Event-loop and driver CPU per request as the highest-rate windows measured them. */
  readonly hiLoop: number;
  readonly hiDriver: number;
  /** Busy ms per second of the API's core and of Postgres that did not scale with the rate
   * between the calibration windows (see `marginalDemand`); 0 from a single window. */
  readonly coreFixed: number;
  readonly pgFixed: number;
  /** Synchronous handler CPU (Server-Timing `cpu`) per request. */
  readonly handler: Moments;
  /** Queries per request. */
  readonly queries: number;
  /** Postgres CPU per request (all its queries). */
  readonly pg: number;
  /** Spread of one query's time relative to its mean (from the `db` moments). */
  readonly queryCv: number;
  /** Query time per request beyond Postgres's CPU. */
  readonly dbLatency: number;
  /** Its distribution per query, as quantiles (ms) with mean dbLatency / queries; [] when
   * only the moments are known. */
  readonly latencyQuantiles: readonly number[];
  /** Time in the cache client per request. */
  readonly cache: number;
  /** Client-side latency per request: from the intended send to the response, minus the server's part. */
  readonly client: Moments;
  /** Of the client side, how late the driver sent (open loop only: a closed loop has no schedule). */
  readonly lag: Moments;
  readonly hits: number;
  readonly misses: number;
  /** Background task of the request (pg-boss), where the API runs its queue: the wait from
   * enqueue until a worker has fetched it, and the worker's time writing the row (ms). */
  readonly task: { readonly wait: Moments; readonly service: Moments } | null;
}

export interface WindowFigures {
  readonly route: RouteSnapshot;
  /** Event-loop busy ms and Postgres CPU ms in the window (net of idle background). */
  readonly loopMs: number;
  readonly pgMs: number | null;
  /** The load driver's CPU ms over the window. */
  readonly driverMs: number;
  /** The driver's latency for these requests: mean and standard deviation, ms. */
  readonly clientLatency: Moments;
  /** The driver's schedule lag (how late each send left), ms. */
  readonly lag: Moments;
  /** Length of the window (s): with the route's count, the rate it really served. */
  readonly seconds: number;
  /** GET /__stats `tasks` entry of the endpoint's background task, if any. */
  readonly task?: { readonly wait: MomentsSnapshot; readonly service: MomentsSnapshot; readonly count: number };
}

const moments = (m: MomentsSnapshot): Moments => ({ mean: m.mean, sd: m.sd });

/**
 * Query time beyond Postgres CPU, per request. At `rate` requests per second the database's
 * core is busy u = rate · pg, and a query shares it (processor sharing) for pg / (1 − u) on
 * average: that sharing is the model's to reproduce, so it is not counted as latency here.
 */
export function queryLatency(dbMean: number, pg: number, rate: number): number {
  const u = Math.min(0.9, Math.max(0, (rate * pg) / 1000));
  return Math.max(0, dbMean - pg / (1 - u));
}

export function demandOf(w: WindowFigures): Demand {
  const r = w.route;
  const n = r.count;
  if (!(n > 0)) throw new RangeError(`route count = ${n} is not allowed: a calibration window needs at least one request`);
  const loop = w.loopMs / n;
  const handler = moments(r.ms.cpu);
  const pg = w.pgMs === null ? 0 : w.pgMs / n;
  const db = moments(r.ms.db);
  const server = loop + db.mean + r.ms.cache.mean;
  const client = residualMoments(w.clientLatency, moments(r.ms.total));
  return {
    requests: n,
    rate: n / w.seconds,
    loop: Math.max(loop, handler.mean),
    wake: 0,
    driver: w.driverMs / n,
    hiLoop: Math.max(loop, handler.mean),
    hiDriver: w.driverMs / n,
    coreFixed: 0,
    pgFixed: 0,
    handler,
    queries: r.queries.mean,
    // a queued request's background statements run outside its query time: not capped by it
    pg: w.task === undefined ? Math.min(pg, db.mean) : pg,
    queryCv: db.mean > 0 ? db.sd / db.mean : 0,
    dbLatency: queryLatency(db.mean, w.task === undefined ? pg : pg * QUEUED_PG_SHARE.boss_send!, n / w.seconds),
    latencyQuantiles: [],
    cache: r.ms.cache.mean,
    client: { mean: Math.max(0, w.clientLatency.mean - server), sd: client.sd },
    lag: w.lag,
    hits: r.cacheHits,
    misses: r.cacheMisses,
    task: w.task === undefined || w.task.count === 0 ? null : { wait: moments(w.task.wait), service: moments(w.task.service) },
  };
}

/**
 * The hit path of a cached endpoint from a window that was mostly hits: the misses in it
 * are taken out using the miss path's demand, measured separately.
 */
export function hitPathOf(mixed: Demand, miss: Demand): Demand {
  const h = mixed.hits;
  const m = mixed.misses;
  if (!(h > 0)) throw new RangeError(`hits = ${h} is not allowed: the hit-path window needs cache hits`);
  const n = h + m;
  const per = (total: number, missPart: number) => Math.max(0, (total * n - missPart * m) / h);
  return {
    ...mixed,
    loop: per(mixed.loop, miss.loop),
    handler: { mean: per(mixed.handler.mean, miss.handler.mean), sd: mixed.handler.sd },
    queries: 0,
    pg: 0,
    dbLatency: 0,
    latencyQuantiles: [],
    cache: per(mixed.cache, miss.cache),
  };
}

/** Field by field, the median of demands measured in repeated windows of one probe. */
export function medianDemand(list: readonly Demand[]): Demand {
  if (list.length === 0) throw new RangeError('medianDemand needs at least one demand');
  if (list.length === 1) return list[0]!;
  const m = (f: (d: Demand) => number) => median(list.map(f));
  const mm = (f: (d: Demand) => Moments): Moments => ({ mean: m((d) => f(d).mean), sd: m((d) => f(d).sd) });
  return {
    requests: list.reduce((n, d) => n + d.requests, 0),
    rate: m((d) => d.rate),
    loop: m((d) => d.loop),
    wake: m((d) => d.wake),
    driver: m((d) => d.driver),
    hiLoop: m((d) => d.hiLoop),
    hiDriver: m((d) => d.hiDriver),
    coreFixed: m((d) => d.coreFixed),
    pgFixed: m((d) => d.pgFixed),
    handler: mm((d) => d.handler),
    queries: m((d) => d.queries),
    pg: m((d) => d.pg),
    queryCv: m((d) => d.queryCv),
    dbLatency: m((d) => d.dbLatency),
    latencyQuantiles: list[0]!.latencyQuantiles,
    cache: m((d) => d.cache),
    client: mm((d) => d.client),
    lag: mm((d) => d.lag),
    hits: list.reduce((n, d) => n + d.hits, 0),
    misses: list.reduce((n, d) => n + d.misses, 0),
    task: list.every((d) => d.task !== null) ? { wait: mm((d) => d.task!.wait), service: mm((d) => d.task!.service) } : null,
  };
}

/**
 * Per-request CPU as the slope of busy time against rate, from windows at a low and a high
 * light load. A process that idles between requests pays for waking up (scheduler, cold
 * caches, a halted virtual CPU) on each; as the rate grows that cost is shared, so the CPU per
 * request measured at light load overstates what each extra request costs — which is what
 * sets the saturation point. The slope is kept within [floor, 1] × the high-rate average,
 * so a noisy pair of windows cannot make it absurd.
 */
export function marginal(lo: { rate: number; perRequest: number }, hi: { rate: number; perRequest: number }, floor = 0.4): number {
  const x = hi.perRequest;
  if (!(hi.rate > lo.rate * 1.2)) return x;
  const slope = (hi.perRequest * hi.rate - lo.perRequest * lo.rate) / (hi.rate - lo.rate);
  return Math.min(x, Math.max(floor * x, slope));
}

/** Most of a core that fixed busy time may take: beyond it the fit is not trusted. */
export const MAX_FIXED_SHARE = 0.4;

/** The share of a core a fixed busy time (ms per second) takes, within MAX_FIXED_SHARE. */
export const fixedShare = (msPerSec: number): number => Math.min(MAX_FIXED_SHARE, Math.max(0, msPerSec / 1000));

/**
 * The demand of the high-rate windows as a straight line through both windows' busy time:
 * busy(λ) = fixed + marginal · λ, for the API's core (event loop and driver) and for
 * Postgres. The model gives each request the marginal CPU, on a core slowed to the share
 * the fixed busy time leaves (app or database `cores` of 1 − fixed), which extrapolates
 * the line to saturation; what the high-rate window measured beyond that stays as time:
 * a wake-up wait before the first visit, and in the query latency.
 */
export function marginalDemand(lo: Demand, hi: Demand): Demand {
  const loop = marginal({ rate: lo.rate, perRequest: lo.loop }, { rate: hi.rate, perRequest: hi.loop });
  const pg = marginal({ rate: lo.rate, perRequest: lo.pg }, { rate: hi.rate, perRequest: hi.pg });
  const driver = marginal({ rate: lo.rate, perRequest: lo.driver }, { rate: hi.rate, perRequest: hi.driver });
  const kept = Math.max(loop, Math.min(hi.handler.mean, hi.loop)); // never below the handler's own CPU
  const coreFixed = Math.max(0, hi.rate * (hi.loop + hi.driver - kept - driver));
  const pgFixed = Math.max(0, hi.rate * (hi.pg - pg));
  const wake = Math.max(0, hi.loop + hi.driver - (kept + driver) / (1 - fixedShare(coreFixed)));
  const dbLatency = Math.max(0, Math.min(lo.dbLatency, hi.dbLatency) + hi.pg - pg / (1 - fixedShare(pgFixed)));
  return { ...hi, loop: kept, wake, driver, pg, dbLatency, coreFixed, pgFixed };
}

/**
 * The shape of the query latency from per-request samples of query time (Server-Timing
 * `db`, taken one request at a time), at the level the calibration windows measured: each
 * sample less its share of Postgres CPU, scaled so their mean is `dbLatency / queries`.
 */
export function withLatencyShape(d: Demand, dbSamples: readonly number[], points = 50): Demand {
  const q = Math.max(1, Math.round(d.queries));
  const raw = dbSamples.filter((x) => x > 0).map((x) => Math.max(0, (x - d.pg) / q));
  const mean = raw.reduce((a, b) => a + b, 0) / Math.max(1, raw.length);
  const target = d.dbLatency / q;
  if (raw.length < 10 || !(mean > 0) || !(target > 0)) return d;
  const sorted = raw.map((x) => (x * target) / mean).sort((a, b) => a - b);
  const latencyQuantiles = Array.from({ length: points }, (_, i) => sorted[Math.min(sorted.length - 1, Math.floor(((i + 0.5) / points) * sorted.length))]!);
  return { ...d, latencyQuantiles };
}
