/**
 * Replication values → the Estimate and PairedEstimate of results.json: a 95% Student-t
 * interval of the mean, and of the mean difference under common random numbers (pairs share
 * their replication's seed). Missing values (a latency with no successful response) are
 * left out; with none left the estimate has n = 0 and mean 0.
 */
import { meanCI, pairedCI, type ConfidenceInterval } from '../engine/stats/confidence.js';
import { round } from '../metrics/summary.js';
import type { Estimate, PairedEstimate } from './results.js';

const LEVEL = 0.95;

function fromCI(ci: ConfidenceInterval): Estimate {
  return {
    mean: round(ci.mean),
    low: ci.lower === null ? null : round(ci.lower),
    high: ci.upper === null ? null : round(ci.upper),
    n: ci.n,
  };
}

export function estimate(values: readonly (number | null)[]): Estimate {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { mean: 0, low: null, high: null, n: 0 };
  return fromCI(meanCI(present, LEVEL));
}

/** a − b replication by replication; pairs with a missing side are left out. */
export function paired(a: readonly (number | null)[], b: readonly (number | null)[]): PairedEstimate {
  const pairs = a.flatMap((x, i) => (x !== null && b[i] !== null && b[i] !== undefined ? [[x, b[i]!] as const] : []));
  if (pairs.length === 0) return { mean: 0, low: null, high: null, n: 0, significant: false };
  const ci = pairedCI(pairs.map((p) => p[0]), pairs.map((p) => p[1]), LEVEL);
  // Decided on the unrounded bounds: rounding must not turn a tiny real difference into 0.
  const significant = ci.lower !== null && ci.upper !== null && (ci.lower > 0 || ci.upper < 0);
  return { ...fromCI(ci), significant };
}
