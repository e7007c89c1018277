/**
 * Closed loop (Locust-style users): exact MVA over the resources (processor sharing on c
 * cores ≈ c servers, which has the same mean queue), with every pure delay in one delay
 * station. When workers or threads limit the requests in service to L < N, the network a
 * request sees while holding one is solved for 1..L requests and the users queue for a
 * worker at a flow-equivalent server with that throughput (a birth–death chain: exact for
 * the equivalent, an approximation of the whole), the wait scaled by (1 + cs²)/2 for the
 * spread of holding times (fes.ts). Too large for exact MVA: bounds only.
 */
import { mva, mvaBounds, type MvaResult } from '../analytic/index.js';
import type { EndpointCost } from './demands.js';
import { flowEquivalent, memoized, variableFlowEquivalent } from './fes.js';
import { concurrencyLimit, network, residencesFrom, type NetInput } from './network.js';
import type { ResidenceResult } from './queues.js';
import { endpointResidences, holdScv, mixResidence, type HoldResult, type Solution } from './solution.js';

export interface ClosedInput extends NetInput {
  readonly users: number;
  /** Mean think time Z (seconds). */
  readonly think: number;
  readonly costs: readonly EndpointCost[];
  /** Endpoint shares of the users' requests. */
  readonly shares: readonly number[];
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
      const at = memoized((n: number): MvaResult => mva({ N: n, Z: 0, stations: net.stations }));
      const exponential = flowEquivalent(N, input.think, L, at);
      let scv = holdScv(input.costs, input.shares, residencesFrom(input, net, exponential.stationR, ''));
      if (!Number.isFinite(scv)) {
        notes.push('holding times have infinite variance: the wait for a worker is taken as if exponential, which understates it');
        scv = 1;
      }
      const { fes, wait } = variableFlowEquivalent(N, input.think, L, at, (1 + scv) / 2);
      return finish(input, fes.X, N / fes.X - input.think, residencesFrom(input, net, fes.stationR, 'MVA behind the workers'),
        { queued: wait * fes.X, inService: fes.inService },
        `closed loop: N = ${N} users, Z = ${fmtS(input.think)}; at most ${L} requests hold a worker at once — exact MVA for `
        + `the network behind the workers; the users queue at a flow-equivalent server, the wait scaled by (1 + cs²)/2 = `
        + `${((1 + scv) / 2).toFixed(2)} for the spread of holding times (approximation)${how}`, notes);
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
    const formula = fes === null ? 'never waits: no more users than workers' : `flow-equivalent server with Allen–Cunneen's (1 + cs²)/2`;
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
