/**
 * The Explanation's tables from a finished analysis: one row per resource (throughput,
 * demand, servers, utilisation by U = X·D/c, where it saturates, verdict), one per endpoint
 * (demands, delays, analytic latency and the formula behind it), one per cache.
 */
import type { Analysis } from './analysis.js';
import { residenceOf, isStable, type Residence, type ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';
import { endpointLatency, holdShares } from './solution.js';
import type { CacheRow, EndpointRow, ResourceRow, Verdict } from './types.js';

export function verdictOf(u: number, stable: boolean, closed = false): Verdict {
  if (closed && stable && u >= 0.995) return 'saturated';
  if (!stable || u >= 1) return 'overloaded';
  if (u <= 0) return 'idle';
  if (u < 0.6) return 'ok';
  return u < 0.85 ? 'busy' : 'saturating';
}

/** Residences with no queueing at all: what a request takes alone in the system. */
function idleResidences(a: Analysis): Map<string, ResidenceResult> {
  return new Map(a.resources.map((r) => [r.id, { wait: 0, perWork: 1 / r.speed, formula: 'alone' }]));
}

/** Mean residence of a request of the mix with nobody else around (seconds). */
export function unloadedResidence(a: Analysis): number {
  const idle = idleResidences(a);
  return a.costs.reduce((s, c, i) => s + a.shares[i]! * (residenceOf(c.uses, c.delay, idle) ?? 0), 0);
}

export function resourceRows(a: Analysis): ResourceRow[] {
  const X = a.solution.throughput;
  const alone = unloadedResidence(a);
  return a.resources.map((r) => (r.discipline === 'hold' ? holdRow(a, r, X, alone) : queueRow(a, r, X)));
}

function queueRow(a: Analysis, r: Resource, X: number): ResourceRow {
  const u = a.mix.get(r.id) ?? { visits: 0, work: 0, second: 0 };
  const res = a.solution.residences.get(r.id)!;
  const D = u.work / r.speed;
  const utilisation = (X * D) / (r.units * r.servers);
  const stable = isStable(res);
  return {
    id: r.id, component: r.component, kind: r.kind, role: r.role, units: r.units, servers: r.servers * r.speed,
    visitsPerRequest: u.visits,
    throughput: X * u.visits,
    demandMsPerVisit: u.visits > 0 ? (D / u.visits) * 1000 : 0,
    demandMsPerRequest: D * 1000,
    utilisation,
    saturatesAt: D > 0 ? (r.units * r.servers) / D : null,
    residenceMsPerRequest: stable ? (u.visits * res.wait + u.work * res.perWork) * 1000 : null,
    formula: res.formula,
    verdict: verdictOf(utilisation, stable, isClosed(a)),
  };
}

/** Only users with think times (no open source): the population bounds every queue. */
function isClosed(a: Analysis): boolean {
  return a.traffic.closed !== null && a.traffic.openRates.every((r) => r === 0);
}

/** Workers or threads: "demand" is the time a request holds one; saturation uses the time it
 * takes with nobody else around (an upper bound: under load requests hold them longer). */
function holdRow(a: Analysis, r: Resource, X: number, alone: number): ResourceRow {
  const share = a.tierShare(r.tier!);
  const h = a.solution.holds.get(r.id)!;
  const held = h.held ?? 0;
  const utilisation = h.held === null ? Infinity : (X * share * held) / (r.units * r.servers);
  const stable = h.wait !== null && h.held !== null;
  return {
    id: r.id, component: r.component, kind: r.kind, role: r.role, units: r.units, servers: r.servers,
    visitsPerRequest: share,
    throughput: X * share,
    demandMsPerVisit: held * 1000,
    demandMsPerRequest: share * held * 1000,
    utilisation: Number.isFinite(utilisation) ? utilisation : 1,
    saturatesAt: share > 0 && alone > 0 ? (r.units * r.servers) / (share * alone) : null,
    residenceMsPerRequest: h.wait === null ? null : share * h.wait * 1000,
    formula: h.formula,
    verdict: verdictOf(utilisation, stable, isClosed(a)),
  };
}

export function endpointRows(a: Analysis): EndpointRow[] {
  const holds = holdShares(a.resources, a.tierShare);
  return a.cat.model.endpoints.map((e, i) => {
    const cost = a.costs[i]!;
    const demandMs: Record<string, number> = {};
    for (const r of a.resources) {
      const u = cost.uses.get(r.id);
      if (u !== undefined && u.work > 0) demandMs[r.id] = (u.work / r.speed) * 1000;
    }
    const latency = endpointLatency(cost, a.solution, holds);
    return {
      name: e.name,
      share: a.shares[i]!,
      requestsPerSecond: a.solution.rates[i]!,
      demandMs,
      delayMs: cost.delay * 1000,
      latencyMs: latency === null ? null : latency * 1000,
      formula: latencyFormula(a, i, holds),
    };
  });
}

/** Which formula gave each part of an endpoint's latency, in resource order. */
function latencyFormula(a: Analysis, i: number, holds: ReadonlyMap<string, number>): string {
  const cost = a.costs[i]!;
  const parts: string[] = [];
  for (const r of a.resources) {
    if (r.discipline === 'hold') {
      const h = a.solution.holds.get(r.id)!;
      if (h.wait === null) return `unstable: the queue for ${r.id} grows without bound`;
      if ((holds.get(r.id) ?? 0) > 0 && h.wait > 0) parts.push(`wait for ${r.id}: ${h.formula}`);
      continue;
    }
    const u = cost.latUses.get(r.id);
    const res = a.solution.residences.get(r.id);
    if (u === undefined || u.work <= 0 || res === undefined) continue;
    if (!isStable(res)) return `unstable: the queue at ${r.id} grows without bound`;
    parts.push(`${r.id}: ${(res as Residence).formula}`);
  }
  if (cost.latDelay > 0) parts.push('delays');
  return parts.length > 0 ? parts.join(' + ') : 'no work before the response';
}

export function cacheRows(a: Analysis): CacheRow[] {
  return [...a.caches.values()].map((c) => {
    const info = a.cat.caches.get(c.cache)!;
    const t = c.estimate.characteristicTime;
    return {
      name: c.cache,
      capacity: info.config.capacity,
      eviction: info.config.eviction,
      ttlSeconds: info.config.ttl ?? null,
      stores: c.stores,
      hitRatio: c.estimate.overall,
      characteristicSeconds: Number.isFinite(t) ? t : null,
      keys: c.keys.map((k, j) => ({ key: k.key, keys: k.keys, getsPerSecond: k.gets, deletesPerSecond: k.deletes, hitRatio: c.estimate.streams[j]! })),
      method: c.estimate.method,
    };
  });
}
