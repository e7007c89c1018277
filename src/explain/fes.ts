/**
 * A flow-equivalent server for N users with think time Z in front of a pool of L workers:
 * the network behind the workers, solved by MVA for n = 1..L requests in service, becomes
 * one server whose rate with k requests present is X_inner(min(k, L)); the users and that
 * server form a birth–death chain solved exactly (in log space, so N in the thousands is fine).
 */
import type { MvaResult } from '../analytic/index.js';

export interface FlowEquivalent {
  /** Throughput of the whole loop (requests per second). */
  readonly X: number;
  /** Mean requests holding a worker, and mean requests waiting for one. */
  readonly inService: number;
  readonly queued: number;
  /** Mean residence per request at station i of the inner network (seconds). */
  readonly stationR: (i: number) => number;
}

export function flowEquivalent(N: number, Z: number, L: number, solve: (n: number) => MvaResult): FlowEquivalent {
  const solved = new Map<number, MvaResult>();
  const at = (n: number): MvaResult => {
    let r = solved.get(n);
    if (r === undefined) solved.set(n, (r = solve(n)));
    return r;
  };
  const innerX = at(L).byPopulation.X;
  const mu = (k: number) => innerX[Math.min(k, L) - 1]!;
  const p = stateProbabilities(N, Z, mu);
  let X = 0, inService = 0, queued = 0;
  p.forEach((pk, k) => {
    if (k === 0) return;
    X += pk * mu(k);
    inService += pk * Math.min(k, L);
    queued += pk * Math.max(0, k - L);
  });
  // queue lengths at the mean number in service, interpolated between whole populations
  const lo = Math.max(1, Math.floor(inService));
  const hi = Math.min(L, lo + 1);
  const frac = inService < 1 ? inService : Math.min(1, inService - lo);
  const q = (i: number): number => {
    const qLo = at(lo).stations[i]!.Q;
    if (inService < 1) return frac * qLo;
    return qLo + (hi > lo ? frac * (at(hi).stations[i]!.Q - qLo) : 0);
  };
  return { X, inService, queued, stationR: (i) => (X > 0 ? q(i) / X : 0) };
}

/** P(k requests at the server), k = 0..N: up-rate (N − k)/Z, down-rate mu(k). */
function stateProbabilities(N: number, Z: number, mu: (k: number) => number): number[] {
  if (Z <= 0) return Array.from({ length: N + 1 }, (_, k) => (k === N ? 1 : 0));
  const logW = [0];
  for (let k = 1; k <= N; k++) logW.push(logW[k - 1]! + Math.log((N - k + 1) / Z) - Math.log(mu(k)));
  const max = logW.reduce((m, x) => Math.max(m, x), -Infinity);
  const w = logW.map((x) => Math.exp(x - max));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}
