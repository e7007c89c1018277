/**
 * Closed loop (Locust-style users): exact MVA over the resources (processor sharing on c
 * cores ≈ c servers, which has the same mean queue), with every pure delay in one delay
 * station. When workers or threads limit the requests in service to L < N, the network a
 * request sees while holding one is solved for 1..L requests and the users queue for a
 * worker at a flow-equivalent server with that throughput (a birth–death chain: exact for
 * the equivalent, an approximation of the whole). Too large for exact MVA: bounds only.
 */
import { mva, mvaBounds, type MvaResult, type MvaStation } from '../analytic/index.js';
import type { EndpointCost, Use } from './demands.js';
import { flowEquivalent } from './fes.js';
import type { Residence, ResidenceResult } from './queues.js';
import type { Resource } from './resources.js';
import { endpointResidences, mixResidence, type HoldResult, type Solution } from './solution.js';

export interface ClosedInput {
  readonly users: number;
  /** Mean think time Z (seconds). */
  readonly think: number;
  readonly resources: readonly Resource[];
  readonly costs: readonly EndpointCost[];
  /** Endpoint shares of the users' requests. */
  readonly shares: readonly number[];
  readonly mix: ReadonlyMap<string, Use>;
  /** Mix-weighted pure delay per request (seconds). */
  readonly delay: number;
  readonly tierShare: (tier: string) => number;
  /** Demand multipliers (mixed traffic: 1/(1 − U) of the open part). */
  readonly inflate?: (id: string) => number;
}

interface Net {
  readonly stations: MvaStation[];
  /** Resource id → indices of its stations. */
  readonly at: Map<string, number[]>;
}

/** One station per unit (or one merged station of units × servers when `merge`). */
function network(input: ClosedInput, merge: boolean): Net {
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
function concurrencyLimit(input: ClosedInput): number {
  const holds = input.resources.filter((r) => r.discipline === 'hold');
  const covered = holds.reduce((s, r) => s + input.tierShare(r.tier!), 0);
  return holds.length > 0 && covered > 1 - 1e-9 ? holds.reduce((n, r) => n + r.units * r.servers, 0) : Infinity;
}

/** Per-visit residence at each resource from MVA's per-station residence times. */
function residencesFrom(input: ClosedInput, net: Net, stationR: (i: number) => number, formula: string): Map<string, ResidenceResult> {
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

export function solveClosed(input: ClosedInput): Solution {
  const N = input.users;
  const L = concurrencyLimit(input);
  const notes: string[] = [];
  for (const merge of [false, true]) {
    const net = network(input, merge);
    if (net.stations.length === 0 && input.think <= 0) break;
    try {
      const how = merge ? ' (identical units pooled into one multi-server station: an approximation)' : '';
      if (L >= N) {
        const r = mva({ N, Z: input.think, stations: net.stations });
        return finish(input, r.X, r.R, residencesFrom(input, net, (i) => r.stations[i]!.R, 'exact MVA'), null,
          `closed loop: exact MVA, N = ${N} users, Z = ${fmtS(input.think)}${how}`, notes);
      }
      const fes = flowEquivalent(N, input.think, L, (n: number): MvaResult => mva({ N: n, Z: 0, stations: net.stations }));
      return finish(input, fes.X, N / fes.X - input.think, residencesFrom(input, net, fes.stationR, 'MVA (flow-equivalent server)'), fes,
        `closed loop: N = ${N} users, Z = ${fmtS(input.think)}; at most ${L} requests hold a worker at once — exact MVA for `
        + `the network behind the workers, the users queue at a flow-equivalent server (approximation)${how}`, notes);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      notes.push(`exact MVA refused${merge ? ' even with pooled units' : ''}: ${err.message}`);
    }
  }
  return boundsOnly(input, notes);
}

function finish(input: ClosedInput, X: number, R: number, residences: Map<string, ResidenceResult>,
  fes: { readonly queued: number; readonly inService: number } | null, method: string, notes: string[]): Solution {
  const inner = mixResidence(endpointResidences(input.costs, residences), input.shares);
  const holds = new Map<string, HoldResult>();
  for (const r of input.resources) {
    if (r.discipline !== 'hold') continue;
    const formula = fes === null ? `MVA: never more users than ${r.role}` : `flow-equivalent server: users queue for one of the ${r.role}`;
    holds.set(r.id, fes === null
      ? { wait: 0, held: inner, formula }
      : { wait: fes.queued / X, held: fes.inService / X, formula });
  }
  return { method, throughput: X, rates: input.shares.map((s) => s * X), residences, holds, response: R, notes };
}

/** Asymptotic bounds: throughput at most min(N/(D + Z), 1/Dmax), response at least max(D, N·Dmax − Z). */
function boundsOnly(input: ClosedInput, notes: string[]): Solution {
  const net = network(input, false);
  const stations = net.stations.length > 0 ? net.stations : [{ kind: 'delay' as const, demand: 0 }];
  const total = stations.reduce((s, st) => s + st.demand, input.think);
  const b = total > 0 ? mvaBounds({ N: input.users, Z: input.think, stations }) : null;
  // the workers allow at most L requests in service, each for at least its demand
  const L = concurrencyLimit(input);
  const X = b === null ? 0 : Math.min(b.throughputUpper, L / Math.max(b.D, Number.MIN_VALUE));
  if (b === null) notes.push('no think time and no demand: nothing slows the users down');
  const residences = residencesFrom(input, net, (i) => stations[i]!.demand, 'MVA bounds (no queueing shown)');
  return finish(input, X, b === null ? 0 : b.responseLower, residences, null,
    `closed loop: asymptotic bounds only (throughput ≤ min(N/(D + Z), 1/Dmax)), N = ${input.users}`, notes);
}

function fmtS(s: number): string {
  return s >= 1 ? `${+s.toFixed(3)}s` : `${+(s * 1000).toFixed(3)}ms`;
}
