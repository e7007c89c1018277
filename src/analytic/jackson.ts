/**
 * Open Jackson networks of M/M/c stations: Poisson arrivals from outside at rate γ_i,
 * Markov routing P (customers leaving i go to j with probability P[i][j] and leave the
 * network with 1 − Σ_j P[i][j]). The traffic equations λ = γ + Pᵀλ are solved with
 * mathjs; each station then behaves as an independent M/M/c queue (Jackson's theorem).
 */
import { lusolve } from 'mathjs';
import { mmc, type MMcResult } from './mmc.js';
import { requireInteger, requireNonNegative, requirePositive, show, unstableError } from './validate.js';
import { checkRouting } from './routing.js';

export interface JacksonStation {
  readonly name?: string;
  /** Servers c (integer >= 1). */
  readonly c: number;
  /** Service rate μ of one server (per second, > 0). */
  readonly mu: number;
}

export interface JacksonParams {
  readonly stations: readonly JacksonStation[];
  /** External arrival rate γ_i into each station (per second, >= 0, not all 0). */
  readonly gamma: readonly number[];
  /** routing[i][j]: probability of moving from station i to station j; rows sum to <= 1. */
  readonly routing: readonly (readonly number[])[];
}

/** Offered load only: defined (and useful to `explain`) even when some station is unstable. */
export interface JacksonTraffic {
  /** Total arrival rate λ_i at each station, from the traffic equations. */
  readonly lambda: readonly number[];
  /** Visits per external customer, λ_i / Σγ. */
  readonly visits: readonly number[];
  /** Per-server utilisation λ_i / (c_i μ_i); >= 1 marks an unstable station. */
  readonly rho: readonly number[];
  /** Station with the highest utilisation (lowest index on ties). */
  readonly bottleneck: { readonly index: number; readonly name: string; readonly rho: number };
  /** Largest total external rate sustainable when all γ_i are scaled together: Σγ / max ρ. */
  readonly maxThroughput: number;
}

export interface JacksonStationResult extends MMcResult {
  readonly index: number;
  readonly name: string;
  readonly lambda: number;
  readonly visits: number;
  /** Time an external customer spends at this station over all its visits, visits × W. */
  readonly residence: number;
}

export interface JacksonResult {
  readonly stations: readonly JacksonStationResult[];
  readonly traffic: JacksonTraffic;
  /** Network throughput: in steady state what comes in goes out, Σγ. */
  readonly throughput: number;
  /** Mean number in the network, Σ L_i. */
  readonly L: number;
  /** Mean sojourn of an external customer, by Little: L / Σγ. */
  readonly W: number;
}

const M = 'jackson';

const nameOf = (params: JacksonParams, i: number): string => params.stations[i]?.name ?? `station ${i}`;

function checkStations(params: JacksonParams): number {
  const n = params.stations.length;
  if (n < 1) throw new RangeError(`${M}: stations must hold at least 1 station (got 0)`);
  params.stations.forEach((s, i) => {
    requireInteger(M, `servers c of '${nameOf(params, i)}'`, s.c, 1);
    requirePositive(M, `service rate μ of '${nameOf(params, i)}'`, s.mu);
  });
  if (params.gamma.length !== n) {
    throw new RangeError(`${M}: gamma must hold one external rate per station, ${n} (got ${params.gamma.length})`);
  }
  params.gamma.forEach((g, i) => requireNonNegative(M, `external rate γ of '${nameOf(params, i)}'`, g));
  if (!params.gamma.some((g) => g > 0)) {
    throw new RangeError(`${M}: external rates gamma must not all be 0 (got ${show(params.gamma)})`);
  }
  return n;
}

/** Solves the traffic equations; validates everything but stability. */
export function jacksonTraffic(params: JacksonParams): JacksonTraffic {
  const n = checkStations(params);
  checkRouting(M, params.routing, n, (i) => nameOf(params, i));
  // (I − Pᵀ)λ = γ; checkRouting has ruled out a singular matrix (no trapping loops).
  const A = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0) - (params.routing[j]?.[i] ?? 0)));
  const x = lusolve(A, [...params.gamma]) as number[][];
  // Round-off can leave −1e-17 where the true rate is 0.
  const lambda = x.map((row) => Math.max(0, row[0] ?? 0));
  const total = params.gamma.reduce((s, g) => s + g, 0);
  const rho = lambda.map((l, i) => {
    const s = params.stations[i] as JacksonStation;
    return l / (s.c * s.mu);
  });
  let b = 0;
  rho.forEach((r, i) => { if (r > (rho[b] as number)) b = i; });
  const maxRho = rho[b] as number;
  return {
    lambda, visits: lambda.map((l) => l / total), rho,
    bottleneck: { index: b, name: nameOf(params, b), rho: maxRho },
    maxThroughput: total / maxRho,
  };
}

/** True when every station has ρ < 1; throws only for invalid parameters. */
export function jacksonIsStable(params: JacksonParams): boolean {
  return jacksonTraffic(params).rho.every((r) => r < 1);
}

export function jackson(params: JacksonParams): JacksonResult {
  const traffic = jacksonTraffic(params);
  const stations = params.stations.map((s, i): JacksonStationResult => {
    const lambda = traffic.lambda[i] as number;
    const r = traffic.rho[i] as number;
    if (r >= 1) throw unstableError(M, r, `station '${nameOf(params, i)}'`);
    const m = mmc({ lambda, mu: s.mu, c: s.c });
    const visits = traffic.visits[i] as number;
    return { ...m, index: i, name: nameOf(params, i), lambda, visits, residence: visits * m.W };
  });
  const throughput = params.gamma.reduce((s, g) => s + g, 0);
  const L = stations.reduce((s, st) => s + st.L, 0);
  return { stations, traffic, throughput, L, W: L / throughput };
}
