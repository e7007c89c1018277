/**
 * Full jitter: uniform in [0, min(cap, base × 2^attempt)). The AWS study's recommendation:
 * the least total work and the quickest completion among competing clients, at the price of
 * sometimes retrying almost at once.
 */
import { exponentialCeiling, type BackoffPolicy } from './policy.js';

export const fullJitter: BackoffPolicy = (attempt, base, cap, _previous, rng) =>
  exponentialCeiling(attempt, base, cap) * rng.next();
