/**
 * The backoff policy contract: how long to wait before retry number `attempt` (0 for the
 * first retry), as in AWS's "Exponential Backoff and Jitter" (Brooker, 2015). Every policy is
 * a pure function of (attempt, base, cap, previous, rng): the exponential ceiling
 * min(cap, base × 2^attempt), then a jitter that spreads clients apart. Task retries (the
 * worker_queue) and client retries (traffic sources) share these functions.
 */
import type { RandomStream } from '../../../engine/types.js';

/**
 * The delay in seconds before retry `attempt` (integer >= 0; 0 is the first retry).
 * `base` (>= 0) is the first ceiling, `cap` (>= base) the largest delay, `previous` the delay
 * drawn before this one (decorrelated jitter reads it; pass `base` before the first retry).
 * Only `rng` supplies randomness; the result is always in [0, cap].
 */
export type BackoffPolicy = (attempt: number, base: number, cap: number, previous: number, rng: RandomStream) => number;

/** min(cap, base × 2^attempt), without overflow: 2^1024 is Infinity and 0 × Infinity is NaN. */
export function exponentialCeiling(attempt: number, base: number, cap: number): number {
  checkArgs(attempt, base, cap);
  if (base === 0) return 0;
  if (attempt >= 1024) return cap;
  return Math.min(cap, base * 2 ** attempt);
}

/** Bad arguments are programming errors (the schema validated the user's values): name them. */
export function checkArgs(attempt: number, base: number, cap: number): void {
  if (!Number.isInteger(attempt) || attempt < 0) throw new RangeError(`backoff: attempt must be an integer >= 0 (got ${attempt})`);
  if (!(base >= 0 && base < Infinity)) throw new RangeError(`backoff: base must be a finite number of seconds >= 0 (got ${base})`);
  if (!(cap >= base && cap < Infinity)) throw new RangeError(`backoff: cap must be finite and >= base (${base}) (got ${cap})`);
}
