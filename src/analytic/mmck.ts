/**
 * M/M/c/K: c servers and room for K customers in all (K >= c), like an app tier with a
 * bounded accept queue that turns arrivals away when full. Always stable. The state
 * probabilities are built in log space, so c and K in the thousands do not overflow.
 */
import { requireInteger, requireNonNegative, requirePositive, show } from './validate.js';

export interface MMcKParams {
  /** Arrival rate λ (per second, >= 0), before blocking. */
  readonly lambda: number;
  /** Service rate μ of one server (per second, > 0). */
  readonly mu: number;
  /** Number of servers c (integer >= 1). */
  readonly c: number;
  /** Capacity K: most customers in the system, queued plus in service (integer >= c). */
  readonly K: number;
}

export interface MMcKResult {
  /** Offered load per server λ/(cμ); may be >= 1 here. */
  readonly rho: number;
  /** Probability an arrival finds the system full and is turned away, P(N = K). */
  readonly pBlock: number;
  /** Admitted (and served) rate λ(1 − pBlock). */
  readonly lambdaEff: number;
  /** Fraction of time a server is busy, λeff/(cμ). */
  readonly utilisation: number;
  /** Probability an admitted customer waits for a server. */
  readonly pWait: number;
  readonly L: number;
  readonly Lq: number;
  /** Mean sojourn and queueing times of admitted customers (Little on λeff); with λ = 0
   * they are the limits 1/μ and 0. */
  readonly W: number;
  readonly Wq: number;
}

const M = 'mmck';

/** P(N = n) for n = 0..K: weights a^n/n! (n <= c) and a^c/c!·(a/c)^(n−c), normalised. */
export function mmckDistribution(params: MMcKParams): number[] {
  const lambda = requireNonNegative(M, 'arrival rate λ', params.lambda);
  const mu = requirePositive(M, 'service rate μ', params.mu);
  const c = requireInteger(M, 'servers c', params.c, 1);
  const K = requireInteger(M, 'capacity K', params.K, c);
  const a = lambda / mu;
  if (!Number.isFinite(a)) throw new RangeError(`${M}: offered load λ/μ must be finite (got ${show(a)})`);
  const logA = Math.log(a);
  const logW = new Array<number>(K + 1);
  logW[0] = 0;
  let max = 0;
  for (let n = 1; n <= K; n++) {
    const w = (logW[n - 1] as number) + logA - Math.log(Math.min(n, c));
    logW[n] = w;
    if (w > max) max = w;
  }
  // Shifting by the largest log-weight keeps the biggest term at 1 before normalising.
  const p = logW.map((w) => Math.exp(w - max));
  const total = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / total);
}

export function mmck(params: MMcKParams): MMcKResult {
  const p = mmckDistribution(params);
  const { lambda, mu, c, K } = params;
  let L = 0;
  let Lq = 0;
  let admitted = 0;
  let waiting = 0;
  for (let n = 0; n <= K; n++) {
    const pn = p[n] as number;
    L += n * pn;
    if (n > c) Lq += (n - c) * pn;
    // By PASTA an arrival sees state n with probability p_n; it is admitted when n < K.
    if (n < K) admitted += pn;
    if (n >= c && n < K) waiting += pn;
  }
  const lambdaEff = lambda * admitted;
  const pBlock = p[K] as number;
  const W = lambdaEff > 0 ? L / lambdaEff : 1 / mu;
  const Wq = lambdaEff > 0 ? Lq / lambdaEff : 0;
  const pWait = admitted > 0 ? waiting / admitted : 0;
  return { rho: lambda / (c * mu), pBlock, lambdaEff, utilisation: lambdaEff / (c * mu), pWait, L, Lq, W, Wq };
}
