/**
 * Calibration of one API process at light load: for every endpoint its configurations use
 * (cached ones twice, all-miss and all-hit), a short pilot at a fixed light rate, then
 * windows at the rate that keeps the busiest resource near `calibrationLoad`, turned into
 * service demands by demand.ts (the median over the windows). V8 is warmed up first, so the
 * windows measure compiled code. The client side of the latency — driver timer lag,
 * loopback HTTP — is measured once, with requests the API answers at once (404).
 */
import { choiceKeys, sequentialKeys, zipfKeys, type LatencySummary, type TaskSpec } from '../driver/index.js';
import { demandOf, hitPathOf, medianDemand, type Demand, type Moments } from './demand.js';
import { ENDPOINTS, taskFor, type EndpointName, type TaskContext } from './endpoints.js';
import type { ValidationPlan } from './plan.js';
import { waitQuiet } from './quiet.js';
import { trimmedMoments } from './robust.js';
import type { SystemUnderTest } from './sut.js';
import { measureOpenLoop } from './window.js';

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
 * and closed loop (measured from dispatch, so without it). */
export interface ClientSide {
  readonly open: Moments;
  readonly closed: Moments;
  readonly lag: Moments;
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
  const pilot = await run(sut, { tasks: [p.task], rate: p.pilotRate, durationSec: Math.max(plan.pilotSec, 5 / p.pilotRate), seed: `pilot-${p.key}`, ...setup });
  const estimate = windowDemand(pilot, p.pilotRate, route);
  const rate = Math.min(MAX_RATE, Math.max(p.pilotRate / 2, (plan.calibrationLoad * 1000) / Math.max(estimate.loop, estimate.pg, 0.01)));
  const room = p.maxRequests === undefined ? Infinity : Math.max(10, p.maxRequests - estimate.requests);
  const seconds = Math.min(plan.calibrationSec, room / rate / plan.calibrationRepeats);
  const demands: Demand[] = [];
  const others: number[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    await sut.drain(200);
    await waitQuiet(sut, plan.quietMaxSec);
    const w = await run(sut, { tasks: [p.task], rate, durationSec: seconds, seed: `calibrate-${p.key}-${i}`, ...setup });
    demands.push(windowDemand(w, rate, route));
    if (w.server.otherCores !== null) others.push(w.server.otherCores);
  }
  await sut.drain(200);
  const otherCores = others.length === 0 ? null : others.reduce((a, b) => a + b, 0) / others.length;
  return { key: p.key, rate, seconds, windows: demands.length, otherCores, demand: medianDemand(demands) };
}

function windowDemand(w: Window, rate: number, route: string): Demand {
  const r = w.server.stats.routes[route];
  if (r === undefined || r.count === 0) {
    throw new Error(`calibration of ${route}: the API counted no requests (driver errors: ${JSON.stringify(w.driver.overall.errors)}, ${JSON.stringify(w.driver.overall.firstErrors)})`);
  }
  return demandOf({
    route: r, loopMs: w.server.loopMs, pgMs: w.server.pgMs, rate,
    clientLatency: trimmedMoments(w.driver.overall.latency), lag: trimmedMoments(w.driver.schedule.lag),
  });
}

/** Requests the API answers at once (an unknown path: 404): their latency is the client side. */
async function clientSide(sut: SystemUnderTest, plan: ValidationPlan): Promise<ClientSide> {
  const task: TaskSpec = { name: 'ping', path: '/__validate/ping', expect: [404] };
  await run(sut, { tasks: [task], rate: PING_RATE, durationSec: plan.pilotSec, seed: 'ping-pilot' });
  const samples: { open: Moments; lag: Moments }[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    await waitQuiet(sut, plan.quietMaxSec);
    const w = await run(sut, { tasks: [task], rate: PING_RATE, durationSec: plan.calibrationSec, seed: `ping-${i}` });
    const count = Object.values(w.server.stats.routes).reduce((n, r) => n + r.count, 0);
    const latency = trimmedMoments(w.driver.overall.latency);
    // the API's own work on these requests (parse, route, 404) belongs to the event loop
    const server = count > 0 ? w.server.loopMs / count : 0;
    samples.push({ open: { mean: Math.max(0, latency.mean - server), sd: latency.sd }, lag: summaryMoments(w.driver.schedule.lag) });
  }
  const mid = (f: (s: (typeof samples)[number]) => number) => [...samples.map(f)].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const open = { mean: mid((s) => s.open.mean), sd: mid((s) => s.open.sd) };
  const lag = { mean: mid((s) => s.lag.mean), sd: mid((s) => s.lag.sd) };
  const closed = { mean: Math.max(0, open.mean - lag.mean), sd: Math.sqrt(Math.max(0, open.sd ** 2 - lag.sd ** 2)) };
  return { open, closed, lag };
}

const summaryMoments = (s: LatencySummary): Moments => trimmedMoments(s);

/** Replace each `:hit` window (mostly hits) by the pure hit path, using its `:miss` window. */
function finishHitPaths(runs: CalibrationRun[]): CalibrationRun[] {
  return runs.map((r) => {
    if (!r.key.endsWith(':hit')) return r;
    const miss = runs.find((m) => m.key === r.key.replace(':hit', ':miss'));
    return miss === undefined || r.demand.hits === 0 ? r : { ...r, demand: hitPathOf(r.demand, miss.demand) };
  });
}
