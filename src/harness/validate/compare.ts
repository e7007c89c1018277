/**
 * Predicted against measured: relative errors per figure and the targets a level is held to.
 * A level counts against the targets only up to 80 % of the measured saturation point;
 * past it the real system is not in steady state (queues grow for as long as it runs).
 */

export interface Figures {
  /** Responses per second. */
  readonly throughput: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  /** Mean wait for a database connection per request, ms. */
  readonly poolWaitMs: number | null;
  /** Cache hits / lookups of the user cache, where there is one. */
  readonly hitRatio: number | null;
  /** Background task latency, enqueue → done (ms), where a task queue runs (else null). */
  readonly taskP50: number | null;
  readonly taskP95: number | null;
}

export type Errors = { readonly [K in keyof Figures]: number | null };

export const TARGETS = { throughput: 0.05, p50: 0.15, p95: 0.25, saturation: 0.15 } as const;
/** Loads up to this share of the measured saturation are held to the targets. */
export const TARGET_LOAD_SHARE = 0.8;

/** (predicted − measured) / measured; null when either is missing or the measurement is 0. */
export function relativeError(predicted: number | null, measured: number | null): number | null {
  if (predicted === null || measured === null) return null;
  if (!Number.isFinite(predicted) || !Number.isFinite(measured) || measured === 0) return null;
  return (predicted - measured) / measured;
}

export function errorsOf(predicted: Figures, measured: Figures): Errors {
  const keys = Object.keys(predicted) as (keyof Figures)[];
  return Object.fromEntries(keys.map((k) => [k, relativeError(predicted[k], measured[k])])) as unknown as Errors;
}

export interface Verdict {
  /** True when the level is held to the targets (load ≤ 80 % of saturation). */
  readonly targeted: boolean;
  /** Whether each targeted figure is within its target; null for untargeted levels. */
  readonly throughput: boolean | null;
  readonly p50: boolean | null;
  readonly p95: boolean | null;
}

const within = (err: number | null, limit: number): boolean => err !== null && Math.abs(err) <= limit;

/** `loadShare`: the level's load over the measured saturation throughput. */
export function verdictOf(errors: Errors, loadShare: number): Verdict {
  const targeted = Number.isFinite(loadShare) && loadShare <= TARGET_LOAD_SHARE + 1e-9;
  if (!targeted) return { targeted, throughput: null, p50: null, p95: null };
  return {
    targeted,
    throughput: within(errors.throughput, TARGETS.throughput),
    p50: within(errors.p50, TARGETS.p50),
    p95: within(errors.p95, TARGETS.p95),
  };
}

export interface TargetTally {
  readonly checked: number;
  readonly passed: number;
}

/** How many targeted figures were checked and how many met their target. */
export function tallyVerdicts(verdicts: readonly Verdict[]): TargetTally {
  let checked = 0;
  let passed = 0;
  for (const v of verdicts) {
    for (const ok of [v.throughput, v.p50, v.p95]) {
      if (ok === null) continue;
      checked++;
      if (ok) passed++;
    }
  }
  return { checked, passed };
}
