/**
 * Fitting service-time distributions from measured moments. Calibration only has a mean and
 * a standard deviation per component (GET /__stats keeps sums and sums of squares), so a
 * distribution is chosen by its coefficient of variation: constant when the spread is
 * negligible, gamma up to cv 1 (lighter tail), lognormal beyond (the long tail of latency).
 */

/** A time distribution in the model's YAML form, durations written with units. */
export type YamlDistribution =
  | { constant: string }
  | { gamma: { mean: string; cv: number } }
  | { lognormal: { mean: string; cv: number } };

export interface FitOptions {
  /** Below this cv the time is treated as constant (default 0.05). */
  readonly constantBelow?: number;
  /** Spreads above this are clipped: a few stalls must not give a model an absurd tail (default 2). */
  readonly maxCv?: number;
}

export interface Fit {
  readonly mean: number;
  readonly cv: number;
  readonly yaml: YamlDistribution;
}

function check(param: string, value: number, allowed: string, ok: boolean): void {
  if (!ok) throw new RangeError(`${param} = ${value} is not allowed: expected ${allowed}`);
}

/** A duration in seconds as the model writes it: µs below a millisecond, 4 significant digits. */
export function formatSeconds(seconds: number): string {
  check('seconds', seconds, 'a finite number >= 0', Number.isFinite(seconds) && seconds >= 0);
  if (seconds === 0) return '0ms';
  const sig = (x: number) => String(Number(x.toPrecision(4)));
  return seconds < 1e-3 ? `${sig(seconds * 1e6)}us` : `${sig(seconds * 1e3)}ms`;
}

/** Fit a time distribution (seconds) to a mean and a standard deviation. */
export function fitTime(mean: number, sd: number, options: FitOptions = {}): Fit {
  check('mean', mean, 'a finite number > 0 (seconds)', Number.isFinite(mean) && mean > 0);
  check('sd', sd, 'a finite number >= 0 (seconds)', Number.isFinite(sd) && sd >= 0);
  const constantBelow = options.constantBelow ?? 0.05;
  const maxCv = options.maxCv ?? 2;
  const cv = Math.min(sd / mean, maxCv);
  const m = formatSeconds(mean);
  const c = Number(cv.toPrecision(3));
  if (cv < constantBelow) return { mean, cv: 0, yaml: { constant: m } };
  if (cv <= 1) return { mean, cv: c, yaml: { gamma: { mean: m, cv: c } } };
  return { mean, cv: c, yaml: { lognormal: { mean: m, cv: c } } };
}

/**
 * Mean and sd of a part of a sum whose other part is independent: the variance left after
 * taking out the known part, never negative (rounding and sampling can make it so).
 */
export function residualMoments(total: { mean: number; sd: number }, known: { mean: number; sd: number }): { mean: number; sd: number } {
  const mean = total.mean - known.mean;
  const variance = total.sd * total.sd - known.sd * known.sd;
  return { mean, sd: Math.sqrt(Math.max(0, variance)) };
}
