/**
 * Calibration of one API process at light load: for every endpoint its configurations use
 * (cached ones twice, all-miss and all-hit), a short pilot at a fixed light rate, then
 * windows at the rate that keeps the busiest resource near `calibrationLoad`, turned into
 * service demands by demand.ts (the median over the windows). V8 is warmed up first, so the
 * windows measure compiled code. The client side of the latency is measured once per API
 * (client-side.ts).
 */

export type { ClientSide };
import { choiceKeys, sequentialKeys, zipfKeys, type TaskSpec } from '../driver/index.js';
import { demandOf, hitPathOf, marginalDemand, medianDemand, withLatencyShape, type Demand } from './demand.js';
import { ENDPOINTS, taskFor, type EndpointName, type TaskContext } from './endpoints.js';
import type { ValidationPlan } from './plan.js';
import { waitQuiet } from './quiet.js';
import { trimmedMoments } from './robust.js';
import type { SystemUnderTest } from './sut.js';
import { sampleTimings } from './timing-sampler.js';
import { clientSide, type ClientSide } from './client-side.js';
import { poissonWindow, type OpenWindow as Window } from './window.js';
import { fitWake, type WakeFit, type WakePoint } from './wake-fit.js';

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
const MAX_RATE = 4000;

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
  /** The demand as the wake-up fit sees it (core CPU with the core awake), when one was found;
   * kept beside `demand` so a run can be simulated again either way (`validate --predict`). */
  readonly awake?: Demand;
  /** Every window's core CPU per request at its rate: what the wake-up fit reads. */
  readonly points: readonly WakePoint[];
}

export interface Calibration {
  readonly runs: readonly CalibrationRun[];
  readonly client: ClientSide;
  /** The core's wake-up cost, or null when the windows show none (see wake-fit.ts). */
  readonly wake: WakeFit | null;
}

const run = poissonWindow;

/** Unmeasured traffic over the endpoints, so the windows see optimised code. */
export async function warmUp(sut: SystemUnderTest, probes: readonly ProbeSpec[], seconds: number): Promise<void> {
  const tasks = probes.filter((p) => p.setup === undefined && p.maxRequests === undefined)
    .map((p) => ({ ...p.task, name: `warm-${p.key}`, weight: p.pilotRate }));
  if (seconds <= 0 || tasks.length === 0) return;
  await run(sut, { tasks, rate: tasks.reduce((s, t) => s + (t.weight ?? 0), 0), durationSec: seconds, seed: 'jit-warm-up' });
  await sut.drain(300);
}

export async function calibrate(sut: SystemUnderTest, probes: readonly ProbeSpec[], plan: ValidationPlan, log: (s: string) => void = () => undefined): Promise<Calibration> {
  const quiet = async () => {
    const q = await waitQuiet(sut, plan.quietMaxSec);
    if (q.waitedSec > 1) log(`waited ${q.waitedSec.toFixed(0)} s for other processes to settle (${q.otherCores?.toFixed(2)} cores busy)`);
  };
  const client = await clientSide(sut, plan, quiet);
  const runs: CalibrationRun[] = [];
  for (const p of probes) runs.push(await calibrateProbe(sut, p, plan, quiet));
  const wake = fitWake(runs.flatMap((r) => r.points));
  const plain = finishHitPaths(runs);
  if (wake === null) return { runs: plain, client, wake };
  const awake = finishHitPaths(runs.map((r) => withWake(r, wake)));
  return { runs: plain.map((r, i) => ({ ...r, awake: awake[i]!.demand })), client, wake };
}

/** A path's core CPU as the wake-up fit sees it: what a request costs with the core awake,
 * shared between event loop and driver as the high-rate windows measured them; the rest
 * is the wake-ups, which the model's event loop now charges itself. */
function withWake(r: CalibrationRun, wake: WakeFit): CalibrationRun {
  const base = wake.base[r.key];
  const d = r.demand;
  if (base === undefined || !(d.hiLoop + d.hiDriver > 0)) return r;
  const k = base / (d.hiLoop + d.hiDriver);
  return { ...r, demand: { ...d, loop: Math.max(d.handler.mean, k * d.hiLoop), driver: k * d.hiDriver, wake: 0, coreFixed: 0 } };
}

async function calibrateProbe(sut: SystemUnderTest, p: ProbeSpec, plan: ValidationPlan, quiet: () => Promise<void>): Promise<CalibrationRun> {
  const setup = p.setup === undefined ? {} : { setup: [p.setup] };
  const route = ENDPOINTS[p.endpoint].route;
  const pilotSec = Math.max(plan.pilotSec, 5 / p.pilotRate);
  const pilot = await run(sut, { tasks: [p.task], rate: p.pilotRate, durationSec: pilotSec, seed: `pilot-${p.key}`, ...setup });
  let estimate = windowDemand(pilot, route, pilotSec);
  const points: WakePoint[] = [pointOf(p.key, estimate)];
  let used = estimate.requests;
  if (plan.scoutSec > 0 && p.maxRequests === undefined) {
    // the pilot's light rate overstates the CPU per request: look again nearer the target
    const scoutRate = rateFor(0.5 * plan.calibrationLoad, estimate, p.pilotRate);
    const scout = await run(sut, { tasks: [p.task], rate: scoutRate, durationSec: plan.scoutSec, seed: `scout-${p.key}`, ...setup });
    estimate = windowDemand(scout, route, plan.scoutSec);
    points.push(pointOf(p.key, estimate));
    used += estimate.requests;
  }
  const hiRate = rateFor(plan.calibrationLoad, estimate, p.pilotRate);
  // a cached endpoint's distinct query strings run out: one window at the high rate only
  const rates = p.maxRequests === undefined ? [hiRate / 3, hiRate] : [hiRate];
  const room = p.maxRequests === undefined ? Infinity : Math.max(10, p.maxRequests - used);
  const seconds = Math.min(plan.calibrationSec, room / hiRate / plan.calibrationRepeats);
  const byRate: Demand[][] = rates.map(() => []);
  const others: number[] = [];
  for (let i = 0; i < plan.calibrationRepeats; i++) {
    for (const [k, rate] of rates.entries()) {
      await sut.drain(200);
      await quiet();
      const w = await run(sut, { tasks: [p.task], rate, durationSec: seconds, seed: `calibrate-${p.key}-${k}-${i}`, ...setup });
      const d = windowDemand(w, route, seconds);
      byRate[k]!.push(d);
      points.push(pointOf(p.key, d));
      if (w.server.otherCores !== null) others.push(w.server.otherCores);
    }
  }
  await sut.drain(200);
  const [lo, hi] = byRate.map(medianDemand);
  const top = hi ?? lo!;
  let demand: Demand = { ...(hi === undefined ? lo! : marginalDemand(lo!, hi)), hiLoop: top.loop, hiDriver: top.driver };
  if (demand.queries > 0.5 && plan.timingSamples > 0) {
    const samples = await sampleTimings(sut.api.url, p.task, plan.timingSamples, 2, p.setup);
    demand = withLatencyShape(demand, samples.map((x) => x.db));
  }
  const otherCores = others.length === 0 ? null : others.reduce((a, b) => a + b, 0) / others.length;
  return { key: p.key, rate: hiRate, seconds, windows: others.length, otherCores, demand, points };
}

const pointOf = (key: string, d: Demand): WakePoint => ({ key, rate: d.rate, coreMs: d.loop + d.driver, queries: d.queries });

/** The rate that keeps the busiest resource — the API's core (event loop and driver) or
 * Postgres — `load` busy, judging by `d`. */
function rateFor(load: number, d: Demand, pilotRate: number): number {
  return Math.min(MAX_RATE, Math.max(pilotRate, (load * 1000) / Math.max(d.loop + d.driver, d.pg, 0.01)));
}

function windowDemand(w: Window, route: string, seconds: number): Demand {
  const r = w.server.stats.routes[route];
  if (r === undefined || r.count === 0) {
    throw new Error(`calibration of ${route}: the API counted no requests (driver errors: ${JSON.stringify(w.driver.overall.errors)}, ${JSON.stringify(w.driver.overall.firstErrors)})`);
  }
  const cost = w.driver.driver;
  const task = w.server.stats.tasks?.record_interaction;
  return demandOf({
    route: r, loopMs: w.server.loopMs, pgMs: w.server.pgMs, seconds, driverMs: (cost.cpuUserSec + cost.cpuSystemSec) * 1000,
    clientLatency: trimmedMoments(w.driver.overall.latency), lag: trimmedMoments(w.driver.schedule.lag),
    ...(task === undefined ? {} : { task: { wait: task.ms.wait, service: task.ms.service, count: task.done } }),
  });
}

/** Replace each `:hit` window (mostly hits) by the pure hit path, using its `:miss` window. */
function finishHitPaths(runs: CalibrationRun[]): CalibrationRun[] {
  return runs.map((r) => {
    if (!r.key.endsWith(':hit')) return r;
    const miss = runs.find((m) => m.key === r.key.replace(':hit', ':miss'));
    return miss === undefined || r.demand.hits === 0 ? r : { ...r, demand: hitPathOf(r.demand, miss.demand) };
  });
}
