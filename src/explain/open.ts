/**
 * Open loop: requests arrive at a given rate whatever happens to them, so each resource is
 * treated as an independent queue fed by Poisson arrivals (a Jackson-style decomposition)
 * and a request's time is the sum of its residences plus its delays. Workers and threads
 * are held for a request's whole residence: an M/M/c queue whose service time is that
 * residence — an approximation, since the residence is neither exponential nor independent.
 */
import { mmc } from '../analytic/index.js';
import type { EndpointCost, Use } from './demands.js';
import { openResidence, type ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';
import { endpointResidences, mixResidence, type HoldResult, type Solution } from './solution.js';

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

export function solveOpen(input: OpenInput, method = 'open loop: each resource an independent queue with Poisson arrivals'): Solution {
  const lambda = input.rates.reduce((s, r) => s + r, 0);
  const shares = input.rates.map((r) => (lambda > 0 ? r / lambda : 0));
  const residences = new Map<string, ResidenceResult>();
  for (const r of input.resources) {
    if (r.discipline !== 'hold') residences.set(r.id, openResidence(r, input.mix.get(r.id), lambda));
  }
  const inner = mixResidence(endpointResidences(input.costs, residences), shares);
  const holds = new Map<string, HoldResult>();
  for (const r of input.resources) {
    if (r.discipline === 'hold') holds.set(r.id, workerQueue(r, inner, lambda * input.tierShare(r.tier!)));
  }
  return { method, throughput: lambda, rates: input.rates, residences, holds, response: null, notes: [] };
}

/** M/M/c for the workers of one instance: c = workers, service = the request's residence. */
function workerQueue(r: Resource, held: number | null, tierRate: number): HoldResult {
  const formula = `M/M/c (Erlang C) with c = ${r.servers} ${r.role} and service = the request's residence (approximation)`;
  if (held === null) return { wait: null, held: null, formula };
  const rate = tierRate / r.units;
  if (rate <= 0 || held <= 0) return { wait: 0, held, formula };
  if (rate * held >= r.servers) return { wait: null, held, formula };
  return { wait: mmc({ lambda: rate, mu: 1 / held, c: r.servers }).Wq, held, formula };
}
