/**
 * Backoff policies by their YAML name (`jitter: none | full | equal | decorrelated`). The
 * YAML block that configures one (base, cap, jitter) is in schema.ts, shared by task retries
 * and client retries so both read the same way.
 */
import { decorrelatedJitter } from './decorrelated.js';
import { equalJitter } from './equal.js';
import { fullJitter } from './full.js';
import { noJitter } from './none.js';
import type { BackoffPolicy } from './policy.js';
import type { RandomStream } from '../../../engine/types.js';

export type { BackoffPolicy } from './policy.js';
export { exponentialCeiling } from './policy.js';

export const BACKOFF_POLICIES = {
  none: noJitter,
  full: fullJitter,
  equal: equalJitter,
  decorrelated: decorrelatedJitter,
} as const satisfies Record<string, BackoffPolicy>;

export type JitterKind = keyof typeof BACKOFF_POLICIES;

export const JITTER_KINDS = Object.keys(BACKOFF_POLICIES) as [JitterKind, ...JitterKind[]];

/** A configured backoff: the policy with its base and cap in seconds. */
export interface Backoff {
  readonly policy: BackoffPolicy;
  readonly base: number;
  readonly cap: number;
}

export function backoffOf(config: { base: number; cap: number; jitter: JitterKind }): Backoff {
  return { policy: BACKOFF_POLICIES[config.jitter], base: config.base, cap: config.cap };
}

/** The delay before retry `attempt` under `b`; `previous` as for BackoffPolicy. */
export function delayOf(b: Backoff, attempt: number, previous: number, rng: RandomStream): number {
  return b.policy(attempt, b.base, b.cap, previous, rng);
}
