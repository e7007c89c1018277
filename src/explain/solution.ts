/**
 * What a solver (open or closed loop) hands back: the throughput, how long a visit stays
 * at each resource, the wait for a worker or thread, and from those each endpoint's
 * residence. Shared by open.ts and closed.ts so the report reads both the same way.
 */
import type { EndpointCost } from './demands.js';
import { isStable, residenceOf, type ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';

export interface HoldResult {
  /** Mean wait for a free worker/thread (seconds), or null when the pool cannot keep up. */
  readonly wait: number | null;
  /** Mean seconds a request holds one (its residence), null when unbounded. */
  readonly held: number | null;
  readonly formula: string;
}

export interface Solution {
  /** How the numbers were obtained, in a sentence. */
  readonly method: string;
  /** Requests per second of the mix (completed, in steady state). */
  readonly throughput: number;
  /** Requests per second of each endpoint, in endpoint order. */
  readonly rates: readonly number[];
  readonly residences: ReadonlyMap<string, ResidenceResult>;
  /** By hold resource id (workers, threads). */
  readonly holds: ReadonlyMap<string, HoldResult>;
  /** Mean response time of the mix from the solver itself (MVA), when it gives one. */
  readonly response: number | null;
  readonly notes: readonly string[];
}

/** Each endpoint's residence (all its work, no worker wait), null where a queue is unstable. */
export function endpointResidences(costs: readonly EndpointCost[], residences: ReadonlyMap<string, ResidenceResult>): (number | null)[] {
  return costs.map((c) => residenceOf(c.uses, c.delay, residences));
}

/** Mean residence over the mix (shares summing to 1), null if any endpoint's is. */
export function mixResidence(residences: readonly (number | null)[], shares: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < residences.length; i++) {
    const r = residences[i];
    if (shares[i]! > 0 && (r === null || r === undefined)) return null;
    sum += shares[i]! * (r ?? 0);
  }
  return sum;
}

/** Latency of an endpoint: the wait for a worker (averaged over the tiers) plus its steps up to
 * the response. Null when anything on the way is unstable. */
export function endpointLatency(cost: EndpointCost, s: Solution, holdShares: ReadonlyMap<string, number>): number | null {
  let wait = 0;
  for (const [id, share] of holdShares) {
    const w = s.holds.get(id)?.wait;
    if (w === null || w === undefined) return null;
    wait += share * w;
  }
  const r = residenceOf(cost.latUses, cost.latDelay, s.residences);
  return r === null ? null : wait + r;
}

/** Hold resources and the share of requests that hold each. */
export function holdShares(resources: readonly Resource[], tierShare: (tier: string) => number): Map<string, number> {
  return new Map(resources.filter((r) => r.discipline === 'hold').map((r) => [r.id, tierShare(r.tier!)]));
}

/**
 * Squared coefficient of variation of the time a request holds a worker: the mix of the
 * endpoints' residences, each varying with its steps' work (a visit of work w taking
 * w × perWork; branches and queue-length swings are not counted).
 */
export function holdScv(costs: readonly EndpointCost[], shares: readonly number[], residences: ReadonlyMap<string, ResidenceResult>): number {
  let m1 = 0, m2 = 0;
  costs.forEach((c, i) => {
    const r = residenceOf(c.uses, c.delay, residences);
    if (r === null || shares[i]! <= 0) return;
    let variance = 0;
    for (const [id, u] of c.uses) {
      const res = residences.get(id);
      if (res === undefined || !isStable(res) || u.visits <= 0) continue;
      variance += res.perWork * res.perWork * Math.max(0, u.second - (u.work * u.work) / u.visits);
    }
    m1 += shares[i]! * r;
    m2 += shares[i]! * (r * r + variance);
  });
  return m1 > 0 ? Math.max(0, m2 / (m1 * m1) - 1) : 1;
}
