/**
 * M/G/1 by the Pollaczek–Khinchine formula: one FCFS server, Poisson arrivals, any
 * service-time distribution known by its mean and variance (or squared coefficient of
 * variation). M/M/1 is scv = 1 and M/D/1 is scv = 0.
 */
import type { Distribution } from '../engine/types.js';
import { requireNonNegative, requirePositive, show, unstableError } from './validate.js';

export interface MG1Params {
  /** Arrival rate λ (per second, >= 0). */
  readonly lambda: number;
  /** Mean service time E[S] (seconds, > 0). */
  readonly meanService: number;
  /** Give exactly one of: the service-time variance (s², >= 0, may be Infinity) … */
  readonly variance?: number;
  /** … or its squared coefficient of variation Var[S]/E[S]² (>= 0, may be Infinity). */
  readonly scv?: number;
}

export interface MG1Result {
  /** Utilisation ρ = λ·E[S]; also the probability that an arrival waits. */
  readonly rho: number;
  readonly pWait: number;
  /** E[S²] = Var[S] + E[S]². */
  readonly secondMoment: number;
  /** Means; Infinity exactly when the service variance is infinite and λ > 0. */
  readonly L: number;
  readonly Lq: number;
  readonly W: number;
  readonly Wq: number;
}

const M = 'mg1';

/** Variance may be +Infinity (a heavy tail): the means are then infinite too. */
function nonNegativeOrInfinity(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new RangeError(`${M}: ${name} must be a number >= 0 or Infinity (got ${show(value)})`);
  }
  return value;
}

function checked(params: MG1Params): { lambda: number; mean: number; variance: number } {
  const lambda = requireNonNegative(M, 'arrival rate λ', params.lambda);
  const mean = requirePositive(M, 'mean service time E[S]', params.meanService);
  const hasVar = params.variance !== undefined;
  const hasScv = params.scv !== undefined;
  if (hasVar === hasScv) {
    throw new RangeError(
      `${M}: give exactly one of service variance or scv (got variance ${show(params.variance)}, scv ${show(params.scv)})`,
    );
  }
  const variance = hasVar
    ? nonNegativeOrInfinity('service variance', params.variance)
    : nonNegativeOrInfinity('service scv', params.scv) * mean * mean;
  return { lambda, mean, variance };
}

/** True when λ·E[S] < 1; throws only for invalid parameters. */
export function mg1IsStable(params: MG1Params): boolean {
  const { lambda, mean } = checked(params);
  return lambda * mean < 1;
}

export function mg1(params: MG1Params): MG1Result {
  const { lambda, mean, variance } = checked(params);
  const rho = lambda * mean;
  if (rho >= 1) throw unstableError(M, rho);
  const secondMoment = variance + mean * mean;
  // λ = 0 is tested apart so that 0·Infinity cannot produce NaN.
  const Wq = lambda === 0 ? 0 : (lambda * secondMoment) / (2 * (1 - rho));
  const W = Wq + mean;
  return { rho, pWait: rho, secondMoment, L: lambda * W, Lq: lambda * Wq, W, Wq };
}

/** M/D/1: constant service time. */
export function md1(lambda: number, meanService: number): MG1Result {
  return mg1({ lambda, meanService, scv: 0 });
}

/** M/G/1 with the service time given as an engine distribution (its exact mean and variance). */
export function mg1FromDistribution(lambda: number, service: Distribution): MG1Result {
  return mg1({ lambda, meanService: service.mean, variance: service.variance });
}
