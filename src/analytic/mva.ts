/**
 * Closed-network analysis for Locust-style load: N users, each thinking for Z seconds
 * between requests, cycling through K stations. A station is a FCFS queue with one or
 * more servers (an app tier with c workers, a pool of c connections) or a delay (pure
 * latency). Exact MVA; see mva-core.ts for how multi-server stations are kept stable.
 */
import { solveMva, type CoreStation } from './mva-core.js';
import { requireInteger, requireNonNegative, show } from './validate.js';

export type MvaStation =
  | {
    readonly kind: 'queue';
    readonly name?: string;
    /** Service demand D = visits × service time per visit (seconds, >= 0). */
    readonly demand: number;
    /** Servers (integer >= 1, default 1). */
    readonly servers?: number;
  }
  | { readonly kind: 'delay'; readonly name?: string; readonly demand: number };

export interface MvaParams {
  /** Customers in the loop (integer >= 1). */
  readonly N: number;
  /** Think time between a response and the next request (seconds, >= 0). */
  readonly Z: number;
  readonly stations: readonly MvaStation[];
}

export interface MvaStationResult {
  readonly name: string;
  readonly kind: 'queue' | 'delay';
  /** Infinity for a delay station. */
  readonly servers: number;
  /** Residence time per request over all visits, and mean number present. */
  readonly R: number;
  readonly Q: number;
  /** Mean busy servers X·D (utilisation law). */
  readonly busy: number;
  /** Per-server utilisation X·D/c; 0 for a delay station, whose servers are unlimited. */
  readonly U: number;
}

export interface MvaResult {
  readonly N: number;
  /** Throughput X(N), requests per second. */
  readonly X: number;
  /** Response time R(N), think time excluded (seconds). */
  readonly R: number;
  readonly stations: readonly MvaStationResult[];
  /** X(n) and R(n) for n = 1..N, at index n − 1. */
  readonly byPopulation: { readonly X: readonly number[]; readonly R: readonly number[] };
}

const M = 'mva';
/** Each multi-server station doubles the work and the memory (see mva-core.ts). */
const MAX_MULTI = 10;
/** About 4 ns per unit on a 2020s core, so solving never takes more than a few seconds. */
const MAX_WORK = 1e9;

const nameOf = (s: MvaStation, i: number): string => s.name ?? `station ${i}`;

function toCore(s: MvaStation, i: number, N: number): CoreStation {
  const where = `of '${nameOf(s, i)}'`;
  if (s.kind !== 'queue' && s.kind !== 'delay') {
    const got = show((s as { kind: unknown }).kind);
    throw new RangeError(`${M}: kind ${where} must be 'queue' or 'delay' (got ${got})`);
  }
  const demand = requireNonNegative(M, `demand D ${where}`, s.demand);
  if (s.kind === 'delay') return { demand, servers: Infinity };
  const c = requireInteger(M, `servers c ${where}`, s.servers ?? 1, 1);
  // With c >= N no customer ever waits: exactly a delay station, and cheaper to solve.
  return { demand, servers: c >= N && c > 1 ? Infinity : c };
}

/** Validated core stations (cost not checked); shared with the bounds helper. */
export function checkMva(params: MvaParams): CoreStation[] {
  const N = requireInteger(M, 'customers N', params.N, 1);
  const Z = requireNonNegative(M, 'think time Z', params.Z);
  const core = params.stations.map((s, i) => toCore(s, i, N));
  const total = core.reduce((sum, s) => sum + s.demand, Z);
  if (total <= 0) {
    throw new RangeError(
      `${M}: think time Z plus total demand must be > 0 (got ${total}); nothing would slow the customers down`,
    );
  }
  return core;
}

/** Refuses networks whose exact solution would take more than a few seconds. */
function checkCost(core: readonly CoreStation[], N: number): void {
  const multi = core.filter((s) => s.servers >= 2 && s.servers !== Infinity);
  if (multi.length > MAX_MULTI) {
    throw new RangeError(
      `${M}: at most ${MAX_MULTI} stations with 2 <= servers < N can be solved exactly (got ${multi.length})`,
    );
  }
  // 2^L runs, each N steps over the stations and the c − 1 marginals of each multi-server one.
  const work = 2 ** multi.length * N * multi.reduce((sum, s) => sum + Math.min(s.servers - 1, N), core.length);
  if (work > MAX_WORK) {
    const size = `${multi.length} multi-server stations and N = ${N} need ~${work.toExponential(1)} steps`;
    throw new RangeError(
      `${M}: too large to solve exactly (${size}, limit ${MAX_WORK.toExponential(0)}); lower N or use mvaBounds`,
    );
  }
}

export function mva(params: MvaParams): MvaResult {
  const core = checkMva(params);
  const { N, Z } = params;
  checkCost(core, N);
  const run = solveMva(core, Z, N);
  const X = run.X[N] as number;
  const stations = params.stations.map((s, i): MvaStationResult => {
    const servers = s.kind === 'delay' ? Infinity : (s.servers ?? 1);
    const busy = X * s.demand;
    return {
      name: nameOf(s, i), kind: s.kind, servers,
      R: run.Rk[i] as number, Q: run.Qk[i] as number, busy, U: busy / servers,
    };
  });
  return {
    N, X, R: run.R[N] as number, stations,
    byPopulation: { X: Array.from(run.X.subarray(1)), R: Array.from(run.R.subarray(1)) },
  };
}
