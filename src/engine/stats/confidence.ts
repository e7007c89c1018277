/**
 * Confidence intervals across independent replications (one value per replication), and
 * paired intervals for common-random-number comparisons: the CI of the mean difference, which
 * is far narrower than comparing two separate CIs when the pairs share their random draws.
 */
import { tQuantile } from './student-t.js';

/** A two-sided Student t interval for a mean. With n = 1 there is no spread to estimate: sd,
 * halfWidth, lower and upper are null (not NaN, not Infinity; null also survives JSON). */
export interface ConfidenceInterval {
  readonly mean: number;
  readonly halfWidth: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly n: number;
  /** Sample standard deviation (divisor n - 1). */
  readonly sd: number | null;
  /** The confidence level, e.g. 0.95. */
  readonly level: number;
}

/** mean ± t(1 - (1 - level)/2, n - 1) · sd / √n over `values` (finite, at least one). */
export function meanCI(values: readonly number[], level = 0.95): ConfidenceInterval {
  checkLevel('meanCI', level);
  checkValues('meanCI', 'values', values);
  return interval(values, level);
}

/** CI of the mean of a[i] - b[i]: a and b are results of the same replications (same seeds)
 * under two alternatives. An interval excluding 0 means the alternatives differ at that level. */
export function pairedCI(a: readonly number[], b: readonly number[], level = 0.95): ConfidenceInterval {
  checkLevel('pairedCI', level);
  checkValues('pairedCI', 'a', a);
  checkValues('pairedCI', 'b', b);
  if (a.length !== b.length) {
    throw new RangeError(`pairedCI: a and b must pair up replication by replication, got lengths ${a.length} and ${b.length}`);
  }
  const diffs = a.map((x, i) => x - b[i]!);
  checkValues('pairedCI', 'a - b', diffs); // huge opposite-signed values can overflow
  return interval(diffs, level);
}

function interval(values: readonly number[], level: number): ConfidenceInterval {
  const n = values.length;
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  if (n < 2) return { mean, halfWidth: null, lower: null, upper: null, n, sd: null, level };
  // Two-pass variance with the correction term, which cancels most of the rounding in the mean.
  let squares = 0;
  let residual = 0;
  for (const x of values) {
    squares += (x - mean) ** 2;
    residual += x - mean;
  }
  const sd = Math.sqrt(Math.max(0, (squares - (residual * residual) / n) / (n - 1)));
  const halfWidth = (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, n, sd, level };
}

function checkLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be strictly between 0 and 1 (e.g. 0.95), got ${level}`);
}

function checkValues(fn: string, name: string, values: readonly number[]): void {
  if (values.length === 0) throw new RangeError(`${fn}: ${name} must hold at least one value, got an empty array`);
  const bad = values.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new RangeError(`${fn}: ${name}[${bad}] must be a finite number, got ${values[bad]}`);
}
