/**
 * Open-loop residence at one resource from its visit rate and service moments: M/G/1
 * (Pollaczek–Khinchine) for one FCFS server, Erlang C for c servers (scaled by (1 + cs²)/2,
 * Allen–Cunneen, when service is not exponential), M/M/c/K with a capacity, and processor
 * sharing through its insensitivity: the mean number present is that of M/M/c whatever the
 * work distribution, and a visit is stretched in proportion to its work. Arrivals smoother
 * than Poisson (instances served in turn) shorten the waits: see smoothArrivals.
 */
import { mg1, mmc, mmck } from '../analytic/index.js';
import type { Use } from './demands.js';
import type { Resource } from './resources.js';

/** Residence of a visit with work w: wait + w × perWork (seconds). */
export interface Residence {
  readonly wait: number;
  readonly perWork: number;
  readonly formula: string;
  /** Fraction of arrivals turned away (a station with a capacity). */
  readonly pBlock?: number;
}

export type ResidenceResult = Residence | { readonly unstable: true; readonly formula: string };

export function isStable(r: ResidenceResult): r is Residence {
  return !('unstable' in r);
}

const EXP_SCV = 1e-9;

/** Per-visit service statistics of `use` on one server of `res`. */
export function serviceOf(res: Resource, use: Use): { mean: number; scv: number } {
  if (use.visits <= 0 || use.work <= 0) return { mean: 0, scv: 1 };
  const mean = use.work / use.visits / res.speed;
  const second = use.second / use.visits / (res.speed * res.speed);
  return { mean, scv: Math.max(0, second / (mean * mean) - 1) };
}

/** `lambda` requests per second of the mix, each using `use` of `res` on average. */
export function openResidence(res: Resource, use: Use | undefined, lambda: number): ResidenceResult {
  const idle: Residence = { wait: 0, perWork: 1 / res.speed, formula: 'no queueing' };
  if (use === undefined || use.visits <= 0 || use.work <= 0 || lambda <= 0) return idle;
  if (res.discipline === 'free') return { ...idle, formula: 'no queueing (a core for every worker)' };
  const rate = (lambda * use.visits) / res.units;
  const { mean, scv } = serviceOf(res, use);
  const c = res.servers;
  if (res.discipline === 'fcfs' && res.capacity !== Infinity) {
    const q = mmck({ lambda: rate, mu: 1 / mean, c, K: res.capacity });
    return { wait: q.Wq, perWork: 1 / res.speed, formula: 'M/M/c/K', pBlock: q.pBlock };
  }
  if (rate * mean >= c) return { unstable: true, formula: 'utilisation >= 1' };
  if (res.discipline === 'fcfs' && !Number.isFinite(scv)) return { unstable: true, formula: 'FCFS with infinite service variance: the mean wait is unbounded' };
  const ca = res.arrivalScv;
  const rho = (rate * mean) / c;
  const smooth = ca < 1 ? `, smoother arrivals (ca² = ${+ca.toFixed(3)}, Krämer–Langenbach-Belz)` : '';
  if (res.discipline === 'ps') {
    const W = mmc({ lambda: rate, mu: 1 / mean, c }).W;
    // the queueing part of the stretch scales as for exponential work (the insensitive case)
    const stretch = 1 + (W / mean - 1) * smoothArrivals(rho, ca, 1);
    return { wait: 0, perWork: stretch / res.speed, formula: (c === 1 ? 'M/G/1-PS: S/(1 − ρ)' : 'M/M/c-PS (insensitive), Erlang C') + smooth };
  }
  const factor = smoothArrivals(rho, ca, scv);
  if (c === 1) {
    const Wq = mg1({ lambda: rate, meanService: mean, scv }).Wq * factor;
    if (!Number.isFinite(Wq)) return { unstable: true, formula: 'M/G/1 with infinite service variance' };
    return { wait: Wq, perWork: 1 / res.speed, formula: (Math.abs(scv - 1) < EXP_SCV ? 'M/M/1' : 'M/G/1 (Pollaczek–Khinchine)') + smooth };
  }
  const Wq = mmc({ lambda: rate, mu: 1 / mean, c }).Wq * factor;
  if (Math.abs(scv - 1) < EXP_SCV) return { wait: Wq, perWork: 1 / res.speed, formula: 'M/M/c (Erlang C)' + smooth };
  return { wait: (Wq * (1 + scv)) / 2, perWork: 1 / res.speed, formula: 'M/G/c ≈ Erlang C × (1 + cs²)/2 (Allen–Cunneen)' + smooth };
}

/**
 * How much less than with Poisson arrivals a queue waits when its arrivals are smoother
 * (ca² < 1: a stream dealt in turn over instances): Kingman's (ca² + cs²)/(1 + cs²), times
 * the Krämer–Langenbach-Belz correction exp(−2(1 − ρ)(1 − ca²)²/(3ρ(ca² + cs²))), which
 * keeps it right at moderate load where Kingman alone overstates the wait.
 */
export function smoothArrivals(rho: number, ca: number, cs: number): number {
  if (ca >= 1) return 1;
  if (ca + cs <= 0) return 0;
  const klb = Math.exp((-2 * (1 - rho) * (1 - ca) ** 2) / (3 * rho * (ca + cs)));
  return ((ca + cs) / (1 + cs)) * klb;
}

/** Mean seconds a step (its uses plus its delay) keeps a request, or null if a queue is unstable. */
export function residenceOf(uses: ReadonlyMap<string, Use>, delay: number, res: ReadonlyMap<string, ResidenceResult>): number | null {
  let t = delay;
  for (const [id, u] of uses) {
    const r = res.get(id);
    if (r === undefined) continue;
    if (!isStable(r)) return null;
    t += u.visits * r.wait + u.work * r.perWork;
  }
  return t;
}
