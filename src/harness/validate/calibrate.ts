/**
 * Calibration of one API process at light load: for every endpoint its configurations use
 * (cached ones twice, all-miss and all-hit), a short pilot at a fixed light rate, then
 * windows at the rate that keeps the busiest resource near `calibrationLoad`, turned into
 * service demands by demand.ts (the median over the windows). V8 is warmed up first, so the
 * windows measure compiled code. The client side of the latency — driver timer lag,
 * loopback HTTP — is measured once, with requests the API answers at once (404).
 */
import { between, choiceKeys, LatencyHistogram, sequentialKeys, zipfKeys, type LatencySummary, type TaskSpec } from '../driver/index.js';
import { demandOf, hitPathOf, marginalDemand, medianDemand, type Demand, type Moments } from './demand.js';
import { ENDPOINTS, taskFor, type EndpointName, type TaskContext } from './endpoints.js';
import type { ValidationPlan } from './plan.js';
import { waitQuiet } from './quiet.js';
import { trimmedMoments } from './robust.js';
import type { SystemUnderTest } from './sut.js';
import { measureClosedLoop, measureOpenLoop, type ServerWindow } from './window.js';

export type ProbeKey = EndpointName | `${EndpointName}:hit` | `${EndpointName}:miss`;

export interface ProbeSpec {
  readonly key: ProbeKey;
  readonly endpoint: EndpointName;
  readonly task: TaskSpec;
  readonly setup?: TaskSpec;
  readonly pilotRate: number;
  /** Most requests in the windows (popular misses: its distinct query strings run out). */
  readonly maxRequests?: number;
}

/** A-priori light rates (req/s): a few per cent of what each endpoint can sustain. */
const PILOT_RATE: Readonly<Record<EndpointName, number>> = {
  get_user: 100, list_users: 100, popular: 10, register: 8, login: 8, update_user: 50, record_interaction: 100,
};
const MAX_RATE = 1500;
const PING_RATE = 200;

export function taskContext(plan: ValidationPlan): TaskContext {
  return { users: plan.seed.users, items: plan.seed.items, popularDays: plan.popularDays };
}

/** The probes for `endpoints` on an API with or without the cache. */
export function probesFor(endpoints: readonly EndpointName[], cache: boolean, plan: ValidationPlan): ProbeSpec[] {
  const ctx = taskContext(plan);
  const out: ProbeSpec[] = [];
  const wanted = new Set(endpoints);
  if (cache) wanted.add('get_user'); // its hit and miss paths split the event loop's work between visits
  for (const e of wanted) {
    const base = { endpoint: e, pilotRate: PILOT_RATE[e] };
    const setup = e === 'update_user' ? { setup: taskFor('login', ctx) } : {};
    if (!cache || ENDPOINTS[e].cached === undefined) {
      out.push({ ...base, ...setup, key: e, task: taskFor(e, ctx, { userKeys: zipfKeys(plan.zipfS, ctx.users) }) });
      continue;
    }
    const fresh = sequentialKeys(1 + Math.floor(ctx.users / 2));
    const miss = e === 'get_user' ? taskFor(e, ctx, { userKeys: fresh }) : taskFor(e, ctx, { distinctPopular: true });
    const hot = choiceKeys(Array.from({ length: 64 }, (_, i) => i + 1));
    out.push({ ...base, key: `${e}:miss`, task: miss, ...(e === 'popular' ? { maxRequests: 90 } : {}) });
    out.push({ ...base, key: `${e}:hit`, task: taskFor(e, ctx, { userKeys: hot }) });
  }
  return out;
}

export interface CalibrationRun {
  readonly key: ProbeKey;
  readonly rate: number;
  readonly seconds: number;
  readonly windows: number;
  /** Cores other processes used during the windows (mean). */
  readonly otherCores: number | null;
  readonly demand: Demand;
}

/** The client side of every request's latency: open loop (with the driver's schedule lag)
 * and closed loop (measured from dispatch, so without it); moments and quantiles in ms. */
export interface ClientSide {
  readonly open: Moments;
  readonly closed: Moments;
  readonly lag: Moments;
  readonly openQuantiles: readonly number[];
  readonly closedQuantiles: readonly number[];
}

export interface Calibration {
  readonly runs: readonly CalibrationRun[];
  readonly client: ClientSide;
}

type Window = Awaited<ReturnType<typeof measureOpenLoop>>;

function run(sut: SystemUnderTest, o: { tasks: TaskSpec[]; rate: number; durationSec: number; seed: string; setup?: TaskSpec[] }): Promise<Window> {
  return measureOpenLoop(sut, { target: sut.api.url, arrival: 'poisson', ...o });
}

/** Unmeasured traffic over the endpoints, so the windows see optimised code. */
export async function warmUp(sut: SystemUnderTest, probes: readonly ProbeSpec[], seconds: number): Promise<void> {
  const tasks = probes.filter((p) => p.setup === undefined && p.maxRequests === undefined)
    .map((p) => ({ ...p.task, name: `warm-${p.key}`, weight: p.pilotRate }));
  if (seconds <= 0 || tasks.length === 0) return;
  await run(sut, { tasks, rate: tasks.reduce((s, t) => s + (t.weight ?? 0), 0), durationSec: seconds, seed: 'jit-warm-up' });
  await sut.drain(300);
}

export async function calibrate(sut: SystemUnderTest, probes: readonly ProbeSpec[], plan: ValidationPlan): Promise<Calibration> {
  const client = await clientSide(sut, plan);
  const runs: CalibrationRun[] = [];
  for (const p of probes) runs.push(await calibrateProbe(sut, p, plan));
  return { runs: finishHitPaths(runs), client };
}

async function calibrateProbe(sut: SystemUnderTest, p: ProbeSpec, plan: ValidationPlan): Promise<CalibrationRun> {
  const setup = p.setup === undefined ? {} : { setup: [p.setup] };
  const route = ENDPOINTS[p.endpoint].route;
  const pilotSec = Math.max(plan.pilotSec, 5 / p.pilotRate);
  const pilot = await run(sut, { tasks: [p.task], rate: p.pilotRate, durationSec: pilotSec, seed: `pilot-${p.key}`, ...setup });
  const estimate = windowDemand(pilot, route, pilotSec);
  const hiRate = Math.min(MAX_RATE, Math.max(p.pilotRate, (plan.calibrationLoad * 1000) / Math.max(estimate.loop, estimate.pg, 0.01)));
  // a cached endpoint's distinct query strings run out: one window at the high rate only
  const rates = p.maxRequests === undefined ? [hiRate / 3, hiRate] : [hiRate];
  const room = p.maxRequests === undefined ? Infinity : Math.max(10, p.maxRequests - estimate.requests);
  const seconds = Math.min(plan.calibrationSec, room / hiRate / plan.calibrationRepeats);
  const byRate: Demand[][] = rates.map(() => []);
  const others: number[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    for (const [k, rate] of rates.entries()) {
      await sut.drain(200);
      await waitQuiet(sut, plan.quietMaxSec);
      const w = await run(sut, { tasks: [p.task], rate, durationSec: seconds, seed: `calibrate-${p.key}-${k}-${i}`, ...setup });
      byRate[k]!.push(windowDemand(w, route, seconds));
      if (w.server.otherCores !== null) others.push(w.server.otherCores);
    }
  }
  await sut.drain(200);
  const [lo, hi] = byRate.map(medianDemand);
  const demand = hi === undefined ? lo! : marginalDemand(lo!, hi);
  const otherCores = others.length === 0 ? null : others.reduce((a, b) => a + b, 0) / others.length;
  return { key: p.key, rate: hiRate, seconds, windows: others.length, otherCores, demand };
}

function windowDemand(w: Window, route: string, seconds: number): Demand {
  const r = w.server.stats.routes[route];
  if (r === undefined || r.count === 0) {
    throw new Error(`calibration of ${route}: the API counted no requests (driver errors: ${JSON.stringify(w.driver.overall.errors)}, ${JSON.stringify(w.driver.overall.firstErrors)})`);
  }
  return demandOf({
    route: r, loopMs: w.server.loopMs, pgMs: w.server.pgMs, seconds,
    clientLatency: trimmedMoments(w.driver.overall.latency), lag: trimmedMoments(w.driver.schedule.lag),
  });
}

const PING: TaskSpec = { name: 'ping', path: '/__validate/ping', expect: [404] };

/**
 * Requests the API answers at once (an unknown path: 404): their latency, less the API's
 * own work on them, is the client side — in an open loop with the driver's schedule lag,
 * in a closed loop (timed from dispatch) without. Kept as quantiles: it is no service
 * demand but a measured delay, and its shape (timer lag is near uniform) matters at p95.
 */
async function clientSide(sut: SystemUnderTest, plan: ValidationPlan): Promise<ClientSide> {
  await run(sut, { tasks: [PING], rate: PING_RATE, durationSec: plan.pilotSec, seed: 'ping-pilot' });
  const open: ClientSample[] = [];
  const closed: ClientSample[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    await waitQuiet(sut, plan.quietMaxSec);
    const w = await run(sut, { tasks: [PING], rate: PING_RATE, durationSec: plan.calibrationSec, seed: `ping-${i}` });
    open.push({ ...clientSample(w.server, w.driver.overall.latency), lag: trimmedMoments(w.driver.schedule.lag) });
    await waitQuiet(sut, plan.quietMaxSec);
    const c = await measureClosedLoop(sut, { target: sut.api.url, users: 1, tasks: [PING], think: between(0.002, 0.008), durationSec: plan.calibrationSec, seed: `ping-closed-${i}` });
    closed.push({ ...clientSample(c.server, c.driver.overall.latency), lag: { mean: 0, sd: 0 } });
  }
  const o = middle(open);
  return { open: o.moments, closed: middle(closed).moments, lag: o.lag, openQuantiles: o.quantiles, closedQuantiles: middle(closed).quantiles };
}

interface ClientSample {
  readonly moments: Moments;
  readonly quantiles: number[];
  readonly lag: Moments;
}

/** Latency quantiles (0.5 % … 98.5 %, ms) less the API's own work per request. */
function clientSample(server: ServerWindow, latency: LatencySummary): Omit<ClientSample, 'lag'> {
  const count = Object.values(server.stats.routes).reduce((n, r) => n + r.count, 0);
  const own = count > 0 ? server.loopMs / count : 0;
  const h = LatencyHistogram.decode(latency.hdr);
  const quantiles = Array.from({ length: CLIENT_QUANTILES }, (_, i) => Math.max(0.001, h.percentileMs(((i + 0.5) / CLIENT_QUANTILES) * 99) - own));
  const moments = trimmedMoments(latency);
  return { moments: { mean: Math.max(0, moments.mean - own), sd: moments.sd }, quantiles };
}

const CLIENT_QUANTILES = 50;

/** The sample with the median mean: one whole, consistent measurement. */
function middle(samples: readonly ClientSample[]): ClientSample {
  return [...samples].sort((a, b) => a.moments.mean - b.moments.mean)[Math.floor(samples.length / 2)]!;
}

/** Replace each `:hit` window (mostly hits) by the pure hit path, using its `:miss` window. */
function finishHitPaths(runs: CalibrationRun[]): CalibrationRun[] {
  return runs.map((r) => {
    if (!r.key.endsWith(':hit')) return r;
    const miss = runs.find((m) => m.key === r.key.replace(':hit', ':miss'));
    return miss === undefined || r.demand.hits === 0 ? r : { ...r, demand: hitPathOf(r.demand, miss.demand) };
  });
}
