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

/** `solve(n)` solved once per population n. */
export function memoized(solve: (n: number) => MvaResult): (n: number) => MvaResult {
  const solved = new Map<number, MvaResult>();
  return (n) => {
    let r = solved.get(n);
    if (r === undefined) solved.set(n, (r = solve(n)));
    return r;
  };
}

/** `at(n)`: the inner network solved for n requests in service (memoize it: it is asked often). */
export function flowEquivalent(N: number, Z: number, L: number, at: (n: number) => MvaResult): FlowEquivalent {
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
  return { X, inService, queued, stationR: stationResidence(at, inService, L, X) };
}

/**
 * The same with holding times more (or less) variable than exponential: the wait for a
 * worker scales by f = (1 + cs²)/2, as in Allen–Cunneen's M/G/c. A longer wait means fewer
 * requests per second, so the users are given an effective think time Z' with
 * Z' + R_inner + W(Z') = Z + R_inner + f·W(Z'), found by bisection (W falls as Z' grows).
 * Returns the chain at Z' and the corrected wait per request.
 */
export function variableFlowEquivalent(N: number, Z: number, L: number, at: (n: number) => MvaResult, f: number): { fes: FlowEquivalent; wait: number } {
  const waitAt = (z: number) => {
    const fes = flowEquivalent(N, z, L, at);
    return { fes, wait: fes.X > 0 ? fes.queued / fes.X : 0 };
  };
  const base = waitAt(Z);
  if (Math.abs(f - 1) < 1e-12 || base.wait <= 0) return { fes: base.fes, wait: f * base.wait };
  // h(z) = Z + (f − 1)·W(z) − z decreases in z; its root is the effective think time
  const h = (z: number) => Z + (f - 1) * waitAt(z).wait - z;
  let lo = f > 1 ? Z : 0;
  let hi = f > 1 ? Z + (f - 1) * base.wait : Z;
  if (h(lo) <= 0) hi = lo;
  for (let i = 0; i < 100 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (h(mid) > 0) lo = mid;
    else hi = mid;
  }
  const r = waitAt((lo + hi) / 2);
  return { fes: r.fes, wait: f * r.wait };
}

/** Residence per request at each inner station: its queue length at the mean number in
 * service (interpolated between whole populations), over the throughput (Little). */
function stationResidence(at: (n: number) => MvaResult, inService: number, L: number, X: number): (i: number) => number {
  const lo = Math.max(1, Math.floor(inService));
  const hi = Math.min(L, lo + 1);
  const frac = inService < 1 ? inService : Math.min(1, inService - lo);
  const q = (i: number): number => {
    const qLo = at(lo).stations[i]!.Q;
    if (inService < 1) return frac * qLo;
    return qLo + (hi > lo ? frac * (at(hi).stations[i]!.Q - qLo) : 0);
  };
  return (i) => (X > 0 ? q(i) / X : 0);
}

/**
 * Poisson arrivals at rate λ in front of the same pool: a birth–death chain with birth
 * rate λ and death rate X_inner(min(k, L)), its tail beyond L geometric. Null when λ is at or
 * above X_inner(L), the most the pool can get through: the queue would grow without bound.
 */
export function openFlowEquivalent(lambda: number, L: number, at: (n: number) => MvaResult): FlowEquivalent | null {
  const innerX = at(L).byPopulation.X;
  const mu = (k: number) => innerX[Math.min(k, L) - 1]!;
  const r = lambda / mu(L);
  if (!(r < 1)) return null;
  const logW = [0];
  for (let k = 1; k <= L; k++) logW.push(logW[k - 1]! + Math.log(lambda) - Math.log(mu(k)));
  const max = logW.reduce((m, x) => Math.max(m, x), -Infinity);
  const w = logW.map((x) => Math.exp(x - max));
  const wL = w[L]!;
  const total = w.reduce((s, x) => s + x, 0) + (wL * r) / (1 - r);
  const inService = (w.reduce((s, x, k) => s + k * x, 0) + (L * wL * r) / (1 - r)) / total;
  const queued = (wL * r) / (1 - r) ** 2 / total;
  return { X: lambda, inService, queued, stationR: stationResidence(at, inService, L, lambda) };
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
