/**
 * The rate-limit algorithms a model can name, and the factory the rate limiter uses.
 * Adding one: a file here implementing RateLimitPolicy, plus a case below and a variant in
 * the rate_limiter schema.
 */
import type { RateLimitPolicy } from './policy.js';
import { slidingLogPolicy } from './sliding-log.js';
import { slidingWindowPolicy } from './sliding-window.js';
import { tokenBucketPolicy } from './token-bucket.js';

export type { RateLimitPolicy } from './policy.js';

export type RateLimitSpec =
  | { readonly token_bucket: { readonly rate: number; readonly burst: number } }
  | { readonly sliding_window: { readonly limit: number; readonly window: number } }
  | { readonly sliding_log: { readonly limit: number; readonly window: number } };

export function rateLimitPolicy(spec: RateLimitSpec): RateLimitPolicy {
  if ('token_bucket' in spec) return tokenBucketPolicy(spec.token_bucket.rate, spec.token_bucket.burst) as RateLimitPolicy;
  if ('sliding_window' in spec) return slidingWindowPolicy(spec.sliding_window.limit, spec.sliding_window.window) as RateLimitPolicy;
  return slidingLogPolicy(spec.sliding_log.limit, spec.sliding_log.window) as RateLimitPolicy;
}
