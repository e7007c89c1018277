/**
 * Argument checks shared by the queueing formulas. Each throws a RangeError that names
 * the model, the parameter, the value it got and what is allowed, so a bad model file or
 * a mistyped CLI flag never turns into NaN halfway through an `explain` report.
 */

/** Renders a received value for a message; non-numbers are shown as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Four significant digits: enough to tell 1.05 from 1, short enough for a message. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

export function requirePositive(model: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${model}: ${name} must be a finite number > 0 (got ${show(value)})`);
  }
  return value;
}

export function requireNonNegative(model: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${model}: ${name} must be a finite number >= 0 (got ${show(value)})`);
  }
  return value;
}

export function requireInteger(model: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${model}: ${name} must be an integer >= ${min} (got ${show(value)})`);
  }
  return value;
}

/** Quantile levels: p = 1 would be the (infinite) supremum, so it is refused. */
export function requireProbability(model: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${model}: probability p must be a number in [0, 1) (got ${show(value)})`);
  }
  return value;
}

/** Time arguments of tail functions. */
export function requireTime(model: string, value: unknown): number {
  return requireNonNegative(model, 'time t', value);
}

/** `where` names the part that overloads, e.g. "station 'db'", for network models. */
export function unstableError(model: string, rho: number, where?: string): RangeError {
  const subject = where === undefined ? '' : `${where} is `;
  return new RangeError(
    `${model}: ${subject}unstable: utilisation ρ = ${fmt(rho)} >= 1; add servers or lower the arrival rate`,
  );
}
