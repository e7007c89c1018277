/**
 * M/M/c: c identical FCFS servers fed by one Poisson queue, like the workers of an app
 * tier sharing an accept queue. Erlang C comes from the stable Erlang B recursion, so
 * c and a = λ/μ may be in the thousands. Times in seconds, rates per second.
 */
import { erlangB } from './erlang.js';
import { invertTail } from './invert.js';
import {
  requireInteger, requireNonNegative, requirePositive, requireProbability, requireTime, unstableError,
} from './validate.js';

export interface MMcParams {
  /** Arrival rate λ (per second, >= 0). */
  readonly lambda: number;
  /** Service rate μ of one server (per second, > 0). */
  readonly mu: number;
  /** Number of servers c (integer >= 1). */
  readonly c: number;
}

export interface MMcResult {
  /** Offered load a = λ/μ, in Erlangs (mean number of busy servers). */
  readonly a: number;
  /** Per-server utilisation ρ = λ/(cμ). */
  readonly rho: number;
  /** Erlang C: probability that an arrival has to wait. */
  readonly pWait: number;
  readonly L: number;
  readonly Lq: number;
  /** Mean sojourn time W = Wq + 1/μ and mean queueing delay Wq (seconds). */
  readonly W: number;
  readonly Wq: number;
}

const M = 'mmc';

function checked(params: MMcParams): { lambda: number; mu: number; c: number } {
  const lambda = requireNonNegative(M, 'arrival rate λ', params.lambda);
  const mu = requirePositive(M, 'service rate μ', params.mu);
  const c = requireInteger(M, 'servers c', params.c, 1);
  return { lambda, mu, c };
}

/** True when λ < cμ; throws only for invalid parameters. */
export function mmcIsStable(params: MMcParams): boolean {
  const { lambda, mu, c } = checked(params);
  return lambda < c * mu;
}

interface Core { lambda: number; mu: number; c: number; C: number; theta: number }

/** Validated parameters plus Erlang C and the queue's drain rate θ = cμ − λ. */
function core(params: MMcParams): Core {
  const { lambda, mu, c } = checked(params);
  if (lambda >= c * mu) throw unstableError(M, lambda / (c * mu));
  const a = lambda / mu;
  const b = erlangB(c, a);
  return { lambda, mu, c, C: b / (1 - (a / c) * (1 - b)), theta: c * mu - lambda };
}

export function mmc(params: MMcParams): MMcResult {
  const { lambda, mu, c, C, theta } = core(params);
  const Wq = C / theta;
  const W = Wq + 1 / mu;
  // 1 − ρ is written as θ/(cμ) so that it keeps its digits when ρ is close to 1.
  return { a: lambda / mu, rho: lambda / (c * mu), pWait: C, L: lambda * W, Lq: (C * lambda) / theta, W, Wq };
}

/** P(Wq > t) = C·exp(−(cμ − λ)t). */
export function mmcWaitTail(params: MMcParams, t: number): number {
  const { C, theta } = core(params);
  return C * Math.exp(-theta * requireTime(M, t));
}

/** The p-quantile of the queueing delay (exact): 0 while p <= 1 − C. */
export function mmcWaitQuantile(params: MMcParams, p: number): number {
  const { C, theta } = core(params);
  const q = requireProbability(M, p);
  if (q <= 1 - C) return 0;
  return Math.log(C / (1 - q)) / theta;
}

/** (1 − e^−x)/x, equal to 1 at x = 0 and accurate for tiny x. */
function g(x: number): number {
  return x === 0 ? 1 : -Math.expm1(-x) / x;
}

/**
 * P(T > t) for the sojourn time, exact under FCFS: T = Wq + S with S ~ Exp(μ)
 * independent of Wq, which gives e^−μt + C·μ·(e^−μt − e^−θt)/(θ − μ). The difference
 * quotient is evaluated without cancellation, including at θ = μ.
 */
function sojournTail(k: Core, t: number): number {
  const { mu, C, theta } = k;
  const diff = t * Math.exp(-Math.min(mu, theta) * t) * g(Math.abs(theta - mu) * t);
  return Math.exp(-mu * t) + C * mu * diff;
}

export function mmcSojournTail(params: MMcParams, t: number): number {
  return sojournTail(core(params), requireTime(M, t));
}

/**
 * The p-quantile of the sojourn time. The tail above is exact, but it has no closed-form
 * inverse, so this is found by bisection to a relative accuracy of about 1e-14.
 */
export function mmcSojournQuantile(params: MMcParams, p: number): number {
  const k = core(params);
  const q = requireProbability(M, p);
  return invertTail((t) => sojournTail(k, t), 1 - q, k.C / k.theta + 1 / k.mu);
}
