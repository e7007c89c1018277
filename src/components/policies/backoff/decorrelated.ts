/**
 * Decorrelated jitter: min(cap, uniform(base, 3 × previous)) — each delay grows from the
 * one drawn before it rather than from the attempt number, so clients drift apart over
 * successive retries. `previous` starts at `base`; a previous below base counts as base.
 */
import { checkArgs, type BackoffPolicy } from './policy.js';

export const decorrelatedJitter: BackoffPolicy = (attempt, base, cap, previous, rng) => {
  checkArgs(attempt, base, cap);
  if (!(previous >= 0 && previous < Infinity)) throw new RangeError(`backoff: previous must be a finite delay >= 0 (got ${previous})`);
  const high = 3 * Math.max(previous, base);
  return Math.min(cap, base + (high - base) * rng.next());
};
