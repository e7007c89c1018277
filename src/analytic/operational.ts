/**
 * Operational laws: relations between measured averages that hold for any system in
 * steady state, whatever the distributions (Denning & Buzen). They are the first thing
 * `explain` reports: offered load, the bottleneck, and the throughput ceiling.
 */
import { requireNonNegative, requirePositive, show } from './validate.js';

const M = 'operational';

/** Utilisation law: mean busy servers U = X·D (divide by c for the per-server share). */
export function utilisationLaw(X: number, D: number): number {
  return requireNonNegative(M, 'throughput X', X) * requireNonNegative(M, 'demand D', D);
}

/** Little's law, L = λ·W. */
export function littleL(lambda: number, W: number): number {
  return requireNonNegative(M, 'arrival rate λ', lambda) * requireNonNegative(M, 'time in system W', W);
}

/** Little's law solved for W = L/λ. */
export function littleW(L: number, lambda: number): number {
  return requireNonNegative(M, 'number in system L', L) / requirePositive(M, 'arrival rate λ', lambda);
}

/** Forced flow law: a station visited V times per request sees X_k = V·X. */
export function forcedFlow(X: number, visits: number): number {
  return requireNonNegative(M, 'throughput X', X) * requireNonNegative(M, 'visits V', visits);
}

/** Interactive response time law, R = N/X − Z. */
export function responseTimeLaw(N: number, X: number, Z: number): number {
  return requireNonNegative(M, 'customers N', N) / requirePositive(M, 'throughput X', X)
    - requireNonNegative(M, 'think time Z', Z);
}

export interface DemandStation {
  readonly name?: string;
  /** Service demand D = visits × service time (seconds, >= 0). */
  readonly demand: number;
  /** Servers sharing the demand (>= 1; Infinity for a delay; default 1). */
  readonly servers?: number;
}

export interface Bottleneck {
  readonly index: number;
  readonly name: string;
  /** The per-server demand D/c that limits throughput. */
  readonly demandPerServer: number;
}

function perServer(s: DemandStation, i: number): number {
  const d = requireNonNegative(M, `demand D of '${s.name ?? `station ${i}`}'`, s.demand);
  const c = s.servers ?? 1;
  if (typeof c !== 'number' || !(c >= 1)) {
    throw new RangeError(`${M}: servers of '${s.name ?? `station ${i}`}' must be >= 1 or Infinity (got ${show(c)})`);
  }
  return c === Infinity ? 0 : d / c;
}

/** The station with the largest per-server demand D/c (lowest index on ties). */
export function bottleneck(stations: readonly DemandStation[]): Bottleneck {
  if (stations.length === 0) throw new RangeError(`${M}: stations must hold at least 1 station (got 0)`);
  const d = stations.map(perServer);
  let b = 0;
  d.forEach((x, i) => { if (x > (d[b] as number)) b = i; });
  return { index: b, name: stations[b]?.name ?? `station ${b}`, demandPerServer: d[b] as number };
}

/** Throughput ceiling 1/max(D/c); Infinity when no station has a positive per-server
 * demand (only delays), since then nothing saturates. */
export function maxThroughput(stations: readonly DemandStation[]): number {
  return 1 / bottleneck(stations).demandPerServer;
}
