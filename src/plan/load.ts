/**
 * The load `plan` sizes for. `--load 20000/s` scales every open-loop source's rate profile
 * by one factor so their mean rates add up to the target (the shape of a ramp or a diurnal
 * cycle is kept); `--users N` shares N users among the closed-loop sources. Then the
 * throughput the bounds assume: what the plan must carry for its SLOs to be met at all.
 */
import type { SloSpec } from '../experiment/results.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { RateProfile } from '../model/schema/rate-profile.js';
import type { ClosedLoopSource, OpenLoopSource, TrafficSource } from '../model/schema/traffic.js';
import type { Frozen } from '../model/validate.js';
import { closedLoopLoad, openLoopLoad } from '../workload/offered.js';
import { PlanInputError } from './errors.js';
import type { LoadTarget } from './types.js';

type Source = Frozen<TrafficSource>;
const isOpen = (s: Source): s is Frozen<OpenLoopSource> => s.type === 'open_loop';
const isClosed = (s: Source): s is Frozen<ClosedLoopSource> => s.type === 'closed_loop';

/** `model` with its traffic set to `target` (unchanged when there is none). */
export function applyLoad(model: NormalizedModel, target: LoadTarget | undefined, horizon: number): NormalizedModel {
  if (target === undefined) return model;
  if ('rate' in target) return { ...model, traffic: scaleOpen(model.traffic, target.rate, horizon) };
  return { ...model, traffic: shareUsers(model.traffic, target.users) };
}

function scaleOpen(traffic: readonly Source[], rate: number, horizon: number): Source[] {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new PlanInputError(`--load: expected a rate > 0 such as 2000/s, got ${rate}/s`);
  const open = traffic.filter(isOpen);
  if (open.length === 0) {
    const kinds = [...new Set(traffic.map((s) => s.type))].join(' and ');
    const hint = traffic.some(isClosed) ? 'use --users N to size for N closed-loop users' : 'trace replays keep their recorded rate';
    throw new PlanInputError(`--load sets an open-loop rate, but the model's traffic is ${kinds}\n  hint: ${hint}`);
  }
  const now = open.reduce((sum, s) => sum + openLoopLoad(s as OpenLoopSource, horizon).meanRate, 0);
  if (!(now > 0)) throw new PlanInputError('--load: the model\'s open-loop sources offer no requests (rate 0), so there is nothing to scale');
  const f = rate / now;
  return traffic.map((s) => (isOpen(s) ? { ...s, rate: scaleProfile(s.rate as RateProfile, f) } : s)) as Source[];
}

/** Every rate in the profile times `f`; times and amplitudes unchanged. */
export function scaleProfile(p: RateProfile, f: number): RateProfile {
  if ('constant' in p) return { constant: p.constant * f };
  if ('ramp' in p) return { ramp: { ...p.ramp, from: p.ramp.from * f, to: p.ramp.to * f } };
  if ('spike' in p) return { spike: { ...p.spike, base: p.spike.base * f, peak: p.spike.peak * f } };
  if ('diurnal' in p) return { diurnal: { ...p.diurnal, mean: p.diurnal.mean * f } };
  return { steps: p.steps.map((s) => ({ ...s, rate: s.rate * f })) };
}

function shareUsers(traffic: readonly Source[], users: number): Source[] {
  const closed = traffic.filter(isClosed);
  if (closed.length === 0) {
    throw new PlanInputError('--users sets a closed-loop population, but the model has no closed_loop source\n  hint: use --load <rate> for open-loop traffic');
  }
  if (!Number.isInteger(users) || users < closed.length) {
    throw new PlanInputError(`--users: expected a whole number >= ${closed.length} (one per closed-loop source), got ${users}`);
  }
  // largest remainder: shares follow the model's populations and add up to exactly `users`
  const total = closed.reduce((n, s) => n + s.users, 0);
  const exact = closed.map((s) => (s.users / total) * users);
  const given = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = users - given.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j = (j + 1) % order.length, left--) given[order[j]![1]]! += 1;
  for (let i = given.length - 1; left < 0; i = (i - 1 + given.length) % given.length) {
    if (given[i]! > 1) { given[i]! -= 1; left++; }
  }
  let k = 0;
  return traffic.map((s) => (isClosed(s) ? { ...s, users: given[k++]! } : s)) as Source[];
}

const LATENCY_FOR_BOUND = new Set(['mean', 'p95', 'p99']);

/**
 * Requests per second a configuration must carry for the SLOs to hold: the open-loop rate
 * less the errors the SLOs allow; for closed loops N/(Z + R) by the response time law, with
 * R the tightest mean, p95 or p99 target (the mean response is below those); at least any
 * throughput SLO. Without an errors SLO every open-loop request counts. 0 when nothing forces
 * a throughput (no bound is then drawn).
 */
export function boundThroughput(model: NormalizedModel, slos: readonly SloSpec[], horizon: number): number {
  const upper = (metric: string) => slos.filter((s) => s.metric === metric && (s.op === '<' || s.op === '<='));
  const allowed = upper('errors').map((s) => s.threshold);
  const errors = allowed.length === 0 ? 0 : Math.min(1, ...allowed);
  const latency = Math.min(Infinity, ...slos.filter((s) => LATENCY_FOR_BOUND.has(s.metric) && (s.op === '<' || s.op === '<=')).map((s) => s.threshold / 1000));
  let x = 0;
  for (const s of model.traffic) {
    if (isOpen(s)) x += openLoopLoad(s as OpenLoopSource, horizon).meanRate * (1 - errors);
    else if (isClosed(s) && Number.isFinite(latency)) {
      const c = closedLoopLoad(s as ClosedLoopSource);
      x += c.users / (c.thinkMean + latency);
    }
  }
  const floor = Math.max(0, ...slos.filter((s) => s.metric === 'throughput' && (s.op === '>' || s.op === '>=')).map((s) => s.threshold));
  return Math.max(x, floor);
}

/** The open-loop rate and closed-loop users of a model, for the report. */
export function describeLoad(model: NormalizedModel, horizon: number): { rate: number | null; users: number | null } {
  const open = model.traffic.filter(isOpen);
  const closed = model.traffic.filter(isClosed);
  return {
    rate: open.length === 0 ? null : open.reduce((n, s) => n + openLoopLoad(s as OpenLoopSource, horizon).meanRate, 0),
    users: closed.length === 0 ? null : closed.reduce((n, s) => n + s.users, 0),
  };
}
