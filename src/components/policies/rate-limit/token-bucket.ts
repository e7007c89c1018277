/**
 * Token bucket (rate r, burst b): the bucket holds at most b tokens and refills at r per
 * second; a request takes one token or is refused. Starting full, n simultaneous requests
 * see min(n, b) admitted, then one more every 1/r seconds — the arithmetic the tests check.
 * Refilling is computed lazily from the time since the last decision, so an idle client
 * costs nothing.
 */
import { EPSILON, type RateLimitPolicy } from './policy.js';

export interface TokenBucket {
  tokens: number;
  /** Time of the last refill. */
  last: number;
}

/** A full bucket at `now`. */
export function tokenBucket(burst: number, now: number): TokenBucket {
  return { tokens: burst, last: now };
}

/** Refill `b` up to `now`, then take a token if one is there. */
export function takeToken(b: TokenBucket, now: number, rate: number, burst: number): boolean {
  if (now > b.last) {
    b.tokens = Math.min(burst, b.tokens + (now - b.last) * rate);
    b.last = now;
  }
  if (b.tokens < 1 - EPSILON) return false;
  b.tokens -= 1;
  return true;
}

export function tokenBucketPolicy(rate: number, burst: number): RateLimitPolicy<TokenBucket> {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`token_bucket: rate must be a finite rate > 0 per second (got ${rate})`);
  if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError(`token_bucket: burst must be a number >= 1 (got ${burst})`);
  return {
    name: 'token_bucket',
    fresh: (now) => tokenBucket(burst, now),
    allow: (b, now) => takeToken(b, now, rate, burst),
  };
}
