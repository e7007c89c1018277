/**
 * Open loop: requests arrive at a given rate whatever happens to them. Behind workers or
 * threads, see open-pool.ts. Otherwise each resource is an independent queue fed by
 * Poisson arrivals (a Jackson-style decomposition) and a request's time is the sum of its
 * residences plus its delays; workers of a tier that not every request uses are held for a
 * request's whole residence: an M/G/c queue whose service time is that residence.
 */
import { mmc } from '../analytic/index.js';
import type { EndpointCost, Use } from './demands.js';
import { openResidence, smoothArrivals, type ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';
import { solveOpenPool } from './open-pool.js';
import { endpointResidences, holdScv, mixResidence, type HoldResult, type Solution } from './solution.js';

export interface OpenInput {
  readonly resources: readonly Resource[];
  readonly costs: readonly EndpointCost[];
  /** Requests per second of each endpoint. */
  readonly rates: readonly number[];
  /** Mix-weighted uses per request. */
  readonly mix: ReadonlyMap<string, Use>;
  /** Share of requests each tier takes. */
  readonly tierShare: (tier: string) => number;
}

export function solveOpen(input: OpenInput, method?: string): Solution {
  const lambda = input.rates.reduce((s, r) => s + r, 0);
  const shares = input.rates.map((r) => (lambda > 0 ? r / lambda : 0));
  const pool = solveOpenPool(input, lambda, shares);
  if (pool !== null && pool !== 'saturated') return method === undefined ? pool : { ...pool, method: `${method}; ${pool.method}` };
  const residences = new Map<string, ResidenceResult>();
  for (const r of input.resources) {
    if (r.discipline !== 'hold') residences.set(r.id, openResidence(r, input.mix.get(r.id), lambda));
  }
  const inner = mixResidence(endpointResidences(input.costs, residences), shares);
  const f = (1 + holdScv(input.costs, shares, residences)) / 2;
  const holds = new Map<string, HoldResult>();
  for (const r of input.resources) {
    if (r.discipline !== 'hold') continue;
    const q = workerQueue(r, inner, lambda * input.tierShare(r.tier!), f);
    // the pool's own chain said the workers cannot keep up, whatever the queues alone say
    holds.set(r.id, pool === 'saturated' ? { ...q, wait: null, formula: 'arrivals at or above what the workers can get through' } : q);
  }
  method ??= 'open loop: each resource an independent queue with Poisson arrivals';
  return { method, throughput: lambda, rates: input.rates, residences, holds, response: null, notes: [] };
}

/** M/G/c for the workers of one instance: c = workers, service = the request's residence,
 * Erlang C's wait scaled by f = (1 + cs²)/2 for the spread of residences (Allen–Cunneen). */
function workerQueue(r: Resource, held: number | null, tierRate: number, f: number): HoldResult {
  const smooth = r.arrivalScv < 1 ? `, smoother arrivals (ca² = ${+r.arrivalScv.toFixed(3)}, Krämer–Langenbach-Belz)` : '';
  const formula = `Erlang C × (1 + cs²)/2 = ${f.toFixed(2)}${smooth}, c = ${r.servers} ${r.role} held for the request's residence (approximation)`;
  if (held === null || !Number.isFinite(f)) return { wait: null, held, formula: Number.isFinite(f) ? formula : 'holding times of infinite variance: the wait is unbounded' };
  const rate = tierRate / r.units;
  if (rate <= 0 || held <= 0) return { wait: 0, held, formula };
  if (rate * held >= r.servers) return { wait: null, held, formula };
  // smoother arrivals (instances served in turn) wait less: scale by Kingman–KLB
  const g = f * smoothArrivals((rate * held) / r.servers, r.arrivalScv, 2 * f - 1);
  return { wait: g * mmc({ lambda: rate, mu: 1 / held, c: r.servers }).Wq, held, formula };
}
