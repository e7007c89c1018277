/**
 * M/M/1 closed forms: one FCFS server, Poisson arrivals at rate λ, exponential service
 * at rate μ (times in seconds, rates per second). Kept independent of the M/M/c code so
 * the two can check each other; the sojourn time is exactly Exp(μ − λ).
 */
import { requireNonNegative, requirePositive, requireProbability, requireTime, unstableError } from './validate.js';

export interface MM1Params {
  /** Arrival rate λ (per second, >= 0). */
  readonly lambda: number;
  /** Service rate μ (per second, > 0). */
  readonly mu: number;
}

export interface MM1Result {
  /** Utilisation ρ = λ/μ. */
  readonly rho: number;
  /** Probability an arrival waits, P(Wq > 0) = ρ. */
  readonly pWait: number;
  /** Mean number in system and in queue. */
  readonly L: number;
  readonly Lq: number;
  /** Mean sojourn and queueing times (seconds). */
  readonly W: number;
  readonly Wq: number;
}

const M = 'mm1';

function checked(params: MM1Params): { lambda: number; mu: number } {
  const lambda = requireNonNegative(M, 'arrival rate λ', params.lambda);
  const mu = requirePositive(M, 'service rate μ', params.mu);
  return { lambda, mu };
}

/** True when λ < μ; throws only for invalid (non-numeric, negative) parameters. */
export function mm1IsStable(params: MM1Params): boolean {
  const { lambda, mu } = checked(params);
  return lambda < mu;
}

function stable(params: MM1Params): { lambda: number; mu: number } {
  const p = checked(params);
  if (p.lambda >= p.mu) throw unstableError(M, p.lambda / p.mu);
  return p;
}

export function mm1(params: MM1Params): MM1Result {
  const { lambda, mu } = stable(params);
  const rho = lambda / mu;
  const W = 1 / (mu - lambda);
  return { rho, pWait: rho, L: lambda * W, Lq: rho * lambda * W, W, Wq: rho * W };
}

/** P(T > t) for the sojourn time T ~ Exp(μ − λ). */
export function mm1SojournTail(params: MM1Params, t: number): number {
  const { lambda, mu } = stable(params);
  return Math.exp(-(mu - lambda) * requireTime(M, t));
}

/** The p-quantile of the sojourn time: −ln(1 − p)/(μ − λ). */
export function mm1SojournQuantile(params: MM1Params, p: number): number {
  const { lambda, mu } = stable(params);
  return -Math.log1p(-requireProbability(M, p)) / (mu - lambda);
}

/** P(Wq > t) = ρ·exp(−(μ − λ)t); at t = 0 this is the probability of waiting at all. */
export function mm1WaitTail(params: MM1Params, t: number): number {
  const { lambda, mu } = stable(params);
  return (lambda / mu) * Math.exp(-(mu - lambda) * requireTime(M, t));
}

/** The p-quantile of the queueing delay: 0 while p <= 1 − ρ (the atom at zero). */
export function mm1WaitQuantile(params: MM1Params, p: number): number {
  const { lambda, mu } = stable(params);
  const rho = lambda / mu;
  const q = requireProbability(M, p);
  if (q <= 1 - rho) return 0;
  return Math.log(rho / (1 - q)) / (mu - lambda);
}
