/**
 * Equal jitter: half the exponential ceiling for sure, plus a uniform draw over the other
 * half — it never retries sooner than ceiling/2, and spreads less than full jitter.
 */
import { exponentialCeiling, type BackoffPolicy } from './policy.js';

export const equalJitter: BackoffPolicy = (attempt, base, cap, _previous, rng) => {
  const half = exponentialCeiling(attempt, base, cap) / 2;
  return half + half * rng.next();
};
