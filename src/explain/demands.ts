/**
 * What each flattened step asks of the resources: visits, work (in core-seconds, before
 * dividing by a server's speed) and its second moment, plus pure delays (network round
 * trips, cache latencies, sleeps). Summed per endpoint, and over the mix, these are the
 * service demands D that the operational laws and the queueing formulas start from.
 */
import { queryTargets, type Catalogue } from './catalogue.js';
import type { Item } from './items.js';

/** Visits, work and Σ work² of one resource (per request, or per run of one step). */
export interface Use {
  visits: number;
  work: number;
  second: number;
}

export interface StepCost {
  readonly uses: ReadonlyMap<string, Use>;
  /** Seconds of pure delay. */
  readonly delay: number;
}

/** Fraction of executions of `query` (routed `route`) that run on the primary. */
export type PrimaryShare = (database: string, query: string, route: 'auto' | 'primary' | 'replica') => number;

export interface CostContext {
  readonly cat: Catalogue;
  readonly primaryShare: PrimaryShare;
  /** Bouncer time per db step (transaction-mode checkouts), averaged over the tiers. */
  readonly checkoutOverhead: number;
}

function add(uses: Map<string, Use>, id: string, visits: number, work: number, second: number): void {
  const u = uses.get(id);
  if (u === undefined) uses.set(id, { visits, work, second });
  else {
    u.visits += visits;
    u.work += work;
    u.second += second;
  }
}

/** `n` executions of `query` on `database`, split between its primary and its replicas. */
function addQuery(uses: Map<string, Use>, c: CostContext, database: string, query: string, route: 'auto' | 'primary' | 'replica', n: number): void {
  const db = c.cat.databases.get(database)!;
  const plan = db.plans.get(query)!;
  const second = plan.cost !== null ? plan.cost.variance + plan.mean * plan.mean : plan.mean * plan.mean * (1 + db.noiseCv * db.noiseCv);
  const primary = c.primaryShare(db.name, query, route);
  if (primary > 0) add(uses, `${db.name}/primary`, n * primary, n * primary * plan.mean, n * primary * second);
  if (primary < 1) add(uses, `${db.name}/replicas`, n * (1 - primary), n * (1 - primary) * plan.mean, n * (1 - primary) * second);
}

/** The cost of one run of `item`. */
export function stepCost(item: Item, c: CostContext): StepCost {
  const uses = new Map<string, Use>();
  let delay = 0;
  switch (item.kind) {
    case 'cpu':
      for (const t of c.cat.tiers) add(uses, `${t.name}/cpu`, t.share, t.share * item.mean, t.share * item.second);
      break;
    case 'sleep':
      delay = item.mean;
      break;
    case 'db':
      for (const [database, runs] of queryTargets(c.cat, item.database, item.query)) addQuery(uses, c, database, item.query, item.route, item.repeat * runs);
      delay = item.repeat * c.cat.model.network.rtt + c.checkoutOverhead;
      break;
    case 'cache': {
      const cache = c.cat.caches.get(item.cache)!;
      const l = cache.latency;
      delay = item.op === 'get' ? (item.hit ?? 0) * l.hit.mean + (1 - (item.hit ?? 0)) * l.miss.mean : l[item.op].mean;
      if (cache.config.servers !== undefined) {
        const s = cache.service;
        add(uses, `${cache.name}/server`, 1, s.mean, s.variance + s.mean * s.mean);
      }
      break;
    }
    case 'visit': {
      const d = c.cat.stations.get(item.station)!.dist;
      add(uses, item.station, 1, d.mean, d.variance + d.mean * d.mean);
      break;
    }
  }
  return { uses, delay };
}

export interface EndpointCost {
  /** All the work of one request (weights p). */
  readonly uses: Map<string, Use>;
  readonly delay: number;
  /** The part before the response is sent (weights lat). */
  readonly latUses: Map<string, Use>;
  readonly latDelay: number;
  /** Each item's own cost, in item order (for connection hold times). */
  readonly steps: readonly StepCost[];
}

/** Sum the costs of an endpoint's items; `entryDelay` is paid once per request (the balancer). */
export function endpointCost(items: readonly Item[], c: CostContext, entryDelay: number): EndpointCost {
  const uses = new Map<string, Use>();
  const latUses = new Map<string, Use>();
  let delay = entryDelay;
  let latDelay = entryDelay;
  const steps = items.map((item) => {
    const cost = stepCost(item, c);
    for (const [id, u] of cost.uses) {
      add(uses, id, item.p * u.visits, item.p * u.work, item.p * u.second);
      add(latUses, id, item.lat * u.visits, item.lat * u.work, item.lat * u.second);
    }
    delay += item.p * cost.delay;
    latDelay += item.lat * cost.delay;
    return cost;
  });
  return { uses, delay, latUses, latDelay, steps };
}

/** Mix-weighted sum of per-request uses: Σ_e share_e × uses_e. */
export function mixUses(costs: readonly EndpointCost[], shares: readonly number[]): Map<string, Use> {
  const total = new Map<string, Use>();
  costs.forEach((e, i) => {
    const s = shares[i]!;
    for (const [id, u] of e.uses) add(total, id, s * u.visits, s * u.work, s * u.second);
  });
  return total;
}
