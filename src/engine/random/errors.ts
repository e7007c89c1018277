/**
 * Parameter validation for distributions. A bad parameter is a user mistake (it comes from
 * a model file), so the error names the distribution, the parameter, the value and what is
 * allowed — and no NaN or Infinity ever reaches a sampler or a reported moment.
 */

/** The `allowed` phrases, shared with the kind catalogue (kinds.ts) so hints and errors agree. */
export const ALLOWED = {
  finite: 'a finite number',
  positive: 'a finite number > 0',
  nonNegative: 'a finite number >= 0',
  probability: 'a number in [0, 1]',
  openUnit: 'a number in (0, 1)',
  integerAtLeast1: 'an integer >= 1',
  safeInteger: 'a safe integer',
  boolean: 'a boolean',
  nonEmptyFinite: 'a non-empty array of finite numbers',
  positiveSum: 'an array with a finite sum > 0',
} as const;

export class DistributionError extends Error {
  constructor(
    readonly distribution: string,
    readonly param: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${distribution}: ${param} must be ${allowed} (got ${formatValue(value)})`);
    this.name = 'DistributionError';
  }
}

/** Render a value for a message: numbers as JS prints them (NaN, -Infinity), arrays shortened. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, 6).map(formatValue).join(', ');
    return `[${head}${value.length > 6 ? `, … (${value.length} items)` : ''}]`;
  }
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function requireFinite(dist: string, param: string, v: unknown): number {
  if (!isFiniteNumber(v)) throw new DistributionError(dist, param, v, ALLOWED.finite);
  return v;
}

export function requirePositive(dist: string, param: string, v: unknown): number {
  if (!isFiniteNumber(v) || v <= 0) throw new DistributionError(dist, param, v, ALLOWED.positive);
  return v;
}

export function requireNonNegative(dist: string, param: string, v: unknown): number {
  if (!isFiniteNumber(v) || v < 0) throw new DistributionError(dist, param, v, ALLOWED.nonNegative);
  return v;
}

export function requireProbability(dist: string, param: string, v: unknown): number {
  if (!isFiniteNumber(v) || v < 0 || v > 1) throw new DistributionError(dist, param, v, ALLOWED.probability);
  return v;
}

export function requireOpenUnit(dist: string, param: string, v: unknown): number {
  if (!isFiniteNumber(v) || v <= 0 || v >= 1) throw new DistributionError(dist, param, v, ALLOWED.openUnit);
  return v;
}

/** An integer in [min, max]; `allowed` is the phrase used when it is not. */
export function requireInteger(dist: string, param: string, v: unknown, min: number, max: number, allowed: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max) {
    throw new DistributionError(dist, param, v, allowed);
  }
  return v as number;
}

export function requireBoolean(dist: string, param: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new DistributionError(dist, param, v, ALLOWED.boolean);
  return v;
}

/** A non-empty array of finite numbers; an offending element is named by its index. */
export function requireFiniteArray(dist: string, param: string, v: unknown): readonly number[] {
  if (!Array.isArray(v) || v.length === 0) throw new DistributionError(dist, param, v, ALLOWED.nonEmptyFinite);
  for (let i = 0; i < v.length; i++) requireFinite(dist, `${param}[${i}]`, v[i]);
  return v as readonly number[];
}

/**
 * Moments that overflow (e.g. lognormal with sigma = 30) are finite in theory but not in
 * doubles; reject the parameter rather than report Infinity as if the moment did not exist.
 */
export function requireRepresentable(dist: string, param: string, value: unknown, ...moments: number[]): void {
  for (const m of moments) {
    if (!Number.isFinite(m)) {
      throw new DistributionError(dist, param, value, 'small enough that the mean and variance are finite doubles');
    }
  }
}
