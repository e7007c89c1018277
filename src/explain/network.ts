/**
 * The resources as a queueing network for MVA: one station per unit (an app instance, a
 * replica) with its demand per request, processor sharing on c cores as c servers (the same
 * mean queue), a core per worker as a delay, and every pure delay in one delay station —
 * and back from MVA's per-station residence times to a residence per visit at each resource.
 */
import type { MvaStation } from '../analytic/index.js';
import type { Use } from './demands.js';
import type { Residence, ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';

export interface NetInput {
  readonly resources: readonly Resource[];
  /** Mix-weighted uses per request. */
  readonly mix: ReadonlyMap<string, Use>;
  /** Mix-weighted pure delay per request (seconds). */
  readonly delay: number;
  readonly tierShare: (tier: string) => number;
  /** Demand multipliers (mixed traffic: 1/(1 − U) of the open part). */
  readonly inflate?: (id: string) => number;
}

export interface Net {
  readonly stations: MvaStation[];
  /** Resource id → indices of its stations. */
  readonly at: Map<string, number[]>;
}

/** One station per unit (or one merged station of units × servers when `merge`). */
export function network(input: NetInput, merge: boolean): Net {
  const stations: MvaStation[] = [];
  const at = new Map<string, number[]>();
  for (const r of input.resources) {
    const u = input.mix.get(r.id);
    if (r.discipline === 'hold' || u === undefined || u.work <= 0) continue;
    const demand = (u.work / r.speed) * (input.inflate?.(r.id) ?? 1);
    const copies = merge ? 1 : r.units;
    const servers = merge ? r.units * r.servers : r.servers;
    const ids: number[] = [];
    for (let i = 0; i < copies; i++) {
      ids.push(stations.length);
      stations.push(r.discipline === 'free'
        ? { kind: 'delay', name: r.id, demand: demand / copies }
        : { kind: 'queue', name: r.id, demand: demand / copies, servers });
    }
    at.set(r.id, ids);
  }
  if (input.delay > 0) stations.push({ kind: 'delay', name: 'delays', demand: input.delay });
  return { stations, at };
}

/** The requests all tiers together can have in service, when every request holds a worker. */
export function concurrencyLimit(input: NetInput): number {
  const holds = input.resources.filter((r) => r.discipline === 'hold');
  const covered = holds.reduce((s, r) => s + input.tierShare(r.tier!), 0);
  return holds.length > 0 && covered > 1 - 1e-9 ? holds.reduce((n, r) => n + r.units * r.servers, 0) : Infinity;
}

/** Per-visit residence at each resource from MVA's per-station residence times. */
export function residencesFrom(input: NetInput, net: Net, stationR: (i: number) => number, formula: string): Map<string, ResidenceResult> {
  const out = new Map<string, ResidenceResult>();
  for (const r of input.resources) {
    if (r.discipline === 'hold') continue;
    const u = input.mix.get(r.id);
    const ids = net.at.get(r.id);
    if (u === undefined || ids === undefined) {
      out.set(r.id, { wait: 0, perWork: 1 / r.speed, formula: 'no queueing' });
      continue;
    }
    const total = ids.reduce((s, i) => s + stationR(i), 0);
    const res: Residence = r.discipline === 'fcfs'
      ? { wait: Math.max(0, total / u.visits - u.work / u.visits / r.speed), perWork: 1 / r.speed, formula }
      : { wait: 0, perWork: total / u.work, formula: r.discipline === 'free' ? 'no queueing (a core for every worker)' : formula };
    out.set(r.id, res);
  }
  return out;
}

