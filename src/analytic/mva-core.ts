/**
 * Exact MVA of a closed single-class product-form network, multi-server stations included.
 * The textbook load-dependent recursion gets p(0|n) by subtraction (1 − Σ…), which loses all
 * digits once a c-server station saturates. Here p(0|n) = G₋ₖ(n)/G(n) = Π_{m<=n} X(m)/X₋ₖ(m),
 * with X₋ₖ the throughput of the network without station k, solved the same way: only sums
 * and products of positive numbers remain, at the price of 2^L runs for L such stations.
 */

/** Internal station form: servers = Infinity for a delay (pure latency) station. */
export interface CoreStation {
  readonly demand: number;
  readonly servers: number;
}

export interface CoreRun {
  /** X[n], R[n] (response time without think) for n = 0..N; X[0] = R[0] = 0. */
  readonly X: Float64Array;
  readonly R: Float64Array;
  /** Per-station residence time and queue length at population N. */
  readonly Rk: Float64Array;
  readonly Qk: Float64Array;
}

const isMulti = (s: CoreStation): boolean => s.servers >= 2 && Number.isFinite(s.servers);

/** Solves the full network; `Z` is the think time, `N` the population. */
export function solveMva(stations: readonly CoreStation[], Z: number, N: number): CoreRun {
  const multi = stations.flatMap((s, i) => (isMulti(s) ? [i] : []));
  const memo = new Map<number, Float64Array>();
  // Bit b of `removed` drops multi-server station multi[b]; the throughput of each reduced
  // network is computed once and shared by every run that needs it.
  const throughputWithout = (removed: number): Float64Array => {
    let X = memo.get(removed);
    if (X === undefined) {
      X = run(stations, Z, N, multi, removed, throughputWithout).X;
      memo.set(removed, X);
    }
    return X;
  };
  return run(stations, Z, N, multi, 0, throughputWithout);
}

function run(
  stations: readonly CoreStation[], Z: number, N: number, multi: readonly number[],
  removed: number, throughputWithout: (removed: number) => Float64Array,
): CoreRun {
  const K = stations.length;
  const active = stations.map((_, i) => {
    const b = multi.indexOf(i);
    return b < 0 || (removed & (1 << b)) === 0;
  });
  const X = new Float64Array(N + 1);
  const R = new Float64Array(N + 1);
  const Rk = new Float64Array(K);
  const Qk = new Float64Array(K);
  const total = stations.reduce((s, st, i) => s + (active[i] ? st.demand : 0), Z);
  if (total === 0) {
    // Nothing holds the customers back: only reached for reduced networks, where it
    // means G₋ₖ(n) = 0 for n >= 1 and so p(0|n) = 0 in the caller.
    X.fill(Infinity, 1);
    return { X, R, Rk, Qk };
  }
  // For each multi-server station: the throughput without it, and p(j|n) for j <= c − 2
  // (all the residence-time formula needs), updated in place as n grows.
  const others = stations.map((s, i) =>
    active[i] && isMulti(s) ? throughputWithout(removed | (1 << multi.indexOf(i))) : undefined);
  const probs = stations.map((s, i) => {
    if (others[i] === undefined) return undefined;
    const p = new Float64Array(Math.min(s.servers - 1, N));
    p[0] = 1;
    return p;
  });
  for (let n = 1; n <= N; n++) {
    let sumR = 0;
    for (let k = 0; k < K; k++) {
      if (!active[k]) continue;
      const r = residence(stations[k] as CoreStation, Qk[k] as number, probs[k]);
      Rk[k] = r;
      sumR += r;
    }
    const x = n / (Z + sumR);
    X[n] = x;
    R[n] = sumR;
    for (let k = 0; k < K; k++) {
      if (!active[k]) continue;
      Qk[k] = x * (Rk[k] as number);
      const p = probs[k];
      if (p !== undefined) {
        updateProbs(p, x, (stations[k] as CoreStation).demand, (others[k] as Float64Array)[n] as number);
      }
    }
  }
  return { X, R, Rk, Qk };
}

/** Residence time at population n from the queue length and marginals at n − 1. */
function residence(s: CoreStation, q: number, p: Float64Array | undefined): number {
  if (s.servers === Infinity) return s.demand;
  if (p === undefined) return s.demand * (1 + q);
  // R = D/c·[1 + Q + Σ_{j<=c−2} (c − 1 − j)·p(j)]: the extra wait the servers idle at
  // low occupancy do not impose.
  const c = s.servers;
  let extra = 0;
  for (let j = 0; j < p.length; j++) extra += (c - 1 - j) * (p[j] as number);
  return (s.demand / c) * (1 + q + extra);
}

/** p(j|n) = X(n)·D/j · p(j−1|n−1) for 1 <= j <= c − 2 (fewer busy servers than c, so rate j);
 * p(0|n) = p(0|n−1) · X(n)/X₋ₖ(n). Descending j so each reads the n − 1 value. */
function updateProbs(p: Float64Array, x: number, demand: number, xWithout: number): void {
  const p0 = (p[0] as number) * (x / xWithout);
  for (let j = p.length - 1; j >= 1; j--) p[j] = ((x * demand) / j) * (p[j - 1] as number);
  p[0] = p0;
}
