/**
 * The analysis loop. Demands depend on hit ratios and read routing, which depend on the
 * request rates, which (in a closed loop) depend on the demands: so flatten the flows with
 * the current hit ratios, price them, solve, re-estimate the caches and routing at the new
 * rates, and repeat until nothing moves (a few rounds; without caches or TTLs, two).
 */
import { catalogue, type Catalogue } from './catalogue.js';
import { cacheEstimates, hitLookup, type CacheStreams } from './caches.js';
import { solveClosed } from './closed.js';
import { endpointCost, mixUses, type EndpointCost, type Use } from './demands.js';
import { flattenSteps, type Item } from './items.js';
import { solveOpen } from './open.js';
import type { Resource } from './resources.js';
import { resourcesOf, capacityOf } from './resources.js';
import { routing, type Routing } from './routing.js';
import type { Solution } from './solution.js';
import { offeredTraffic, type OfferedTraffic } from './traffic.js';
import type { NormalizedModel } from '../model/normalize.js';

export interface Analysis {
  readonly cat: Catalogue;
  readonly resources: readonly Resource[];
  readonly traffic: OfferedTraffic;
  readonly items: readonly (readonly Item[])[];
  readonly costs: readonly EndpointCost[];
  /** Endpoint shares of the solved rates, and the mix-weighted uses. */
  readonly shares: readonly number[];
  readonly mix: ReadonlyMap<string, Use>;
  readonly solution: Solution;
  readonly caches: ReadonlyMap<string, CacheStreams>;
  readonly routing: Routing;
  readonly converged: boolean;
  readonly tierShare: (tier: string) => number;
  /** Step kinds left out of the analysis (explain has no model of them). */
  readonly ignoredSteps: ReadonlySet<string>;
}

const MAX_ROUNDS = 60;
const TOLERANCE = 1e-10;

export function analyse(model: NormalizedModel): Analysis {
  const cat = catalogue(model);
  const resources = resourcesOf(cat);
  const traffic = offeredTraffic(model);
  const tierShare = (tier: string) => cat.tiers.find((t) => t.name === tier)?.share ?? 0;
  const databaseOf = (query: string) => [...cat.databases.values()].find((d) => d.plans.has(query))!.name;
  const entryDelay = cat.lbOverhead?.dist.mean ?? 0;
  const checkoutOverhead = cat.tiers.reduce((s, t) => s + t.share * bouncerOverhead(cat, t.pool), 0);
  // first guess: every user's request takes no time at all
  let rates = traffic.openRates.map((r, i) => r + (traffic.closed === null ? 0 : traffic.closed.shares[i]! * traffic.closed.users / Math.max(traffic.closed.think, 1e-3)));
  let estimates: Map<string, CacheStreams> | null = null;
  const ignored = new Set<string>();
  for (let round = 1; ; round++) {
    const hits = hitLookup(estimates);
    const items = model.endpoints.map((e) => flattenSteps(e.steps, { flows: model.flows, databaseOf, hitRatio: hits, ignored }));
    const route = routing(cat, rates, items);
    const costs = items.map((list) => endpointCost(list, { cat, primaryShare: route.primaryShare, checkoutOverhead }, entryDelay));
    if (round === 1) requireFiniteMeans(model, costs);
    const solution = solve(resources, traffic, costs, tierShare);
    const total = solution.throughput;
    const shares = solution.rates.map((r) => (total > 0 ? r / total : 0));
    const next = cacheEstimates(cat, solution.rates, items);
    const converged = close(rates, solution.rates) && sameHits(estimates, next);
    if (converged || round >= MAX_ROUNDS) {
      const mix = mixUses(costs, shares);
      return { cat, resources, traffic, items, costs, shares, mix, solution, caches: next, routing: route, converged, tierShare, ignoredSteps: ignored };
    }
    rates = [...solution.rates];
    estimates = next;
  }
}

function solve(resources: readonly Resource[], traffic: OfferedTraffic, costs: readonly EndpointCost[], tierShare: (t: string) => number): Solution {
  const open = traffic.openRates;
  const lambda = open.reduce((s, r) => s + r, 0);
  const closed = traffic.closed;
  if (closed === null) return solveOpen({ resources, costs, rates: open, mix: mixUses(costs, open.map((r) => r / (lambda || 1))), tierShare });
  const mix = mixUses(costs, closed.shares);
  const delay = costs.reduce((s, c, i) => s + closed.shares[i]! * c.delay, 0);
  const base = { users: closed.users, think: closed.think, resources, costs, shares: closed.shares, mix, delay, tierShare };
  if (lambda <= 0) return solveClosed(base);
  // mixed: the open part slows the closed users down by 1/(1 − U_open) at each queue
  const openMix = mixUses(costs, open.map((r) => r / lambda));
  const uOpen = (id: string) => {
    const r = resources.find((x) => x.id === id)!;
    return (lambda * (openMix.get(id)?.work ?? 0)) / capacityOf(r);
  };
  const users = solveClosed({ ...base, inflate: (id) => 1 / Math.max(1e-6, 1 - uOpen(id)) });
  const rates = open.map((r, i) => r + users.throughput * closed.shares[i]!);
  const all = rates.reduce((s, r) => s + r, 0);
  return solveOpen({ resources, costs, rates, mix: mixUses(costs, rates.map((r) => r / all)), tierShare },
    `mixed traffic: the closed users by MVA with demands inflated by 1/(1 − U) of the open load (${users.method}), `
    + 'then every queue at the combined rate as in an open loop');
}

/** Queueing theory needs finite mean times: a Pareto with alpha <= 1 has none. */
function requireFiniteMeans(model: NormalizedModel, costs: readonly EndpointCost[]): void {
  costs.forEach((c, i) => {
    const bad = [...c.uses].find(([, u]) => !Number.isFinite(u.work))?.[0] ?? (Number.isFinite(c.delay) ? undefined : 'its delays');
    if (bad !== undefined) {
      throw new RangeError(`explain: endpoint ${model.endpoints[i]!.name} has an infinite mean time at ${bad} `
        + '(a distribution without a finite mean, such as pareto with alpha <= 1): queueing formulas need finite means');
    }
  });
}

/** PgBouncer time per db step for a tier's requests: transaction-mode checkouts only. */
function bouncerOverhead(cat: Catalogue, pool: string | null): number {
  if (pool === null) return 0;
  const bouncer = cat.bouncers.get(pool) ?? cat.bouncers.get(cat.pools.get(pool)?.database ?? '');
  return bouncer !== undefined && bouncer.mode === 'transaction' ? bouncer.overhead : 0;
}

function close(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, i) => Math.abs(x - b[i]!) <= TOLERANCE * Math.max(1, Math.abs(x)));
}

function sameHits(a: ReadonlyMap<string, CacheStreams> | null, b: ReadonlyMap<string, CacheStreams>): boolean {
  if (a === null) return [...b.values()].every((c) => c.keys.length === 0);
  return [...b].every(([name, c]) => {
    const old = a.get(name)!.estimate.streams;
    return c.estimate.streams.length === old.length && c.estimate.streams.every((h, i) => Math.abs(h - old[i]!) <= TOLERANCE);
  });
}
