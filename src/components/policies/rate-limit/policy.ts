/**
 * What a rate-limit algorithm is: a fresh state for a client first seen at `now`, and a
 * decision that consumes from that state when it admits. States are small mutable records
 * (the limiter keeps one per client, endpoint, or one for all) and each algorithm is a pure
 * function of its state and the time, testable without an engine.
 */

export interface RateLimitPolicy<S = unknown> {
  /** The algorithm's name as written in the model. */
  readonly name: string;
  /** The state of a client never seen before (or forgotten), first seen at `now`. */
  fresh(now: number): S;
  /** Admit one request at `now`? Admitting consumes; a refusal changes nothing but the clock. */
  allow(state: S, now: number): boolean;
}

/**
 * Slack for floating-point time arithmetic: a token or a window edge that exact arithmetic
 * says is due is not refused because 0.1 s × 10/s came out as 0.9999999999999999.
 */
export const EPSILON = 1e-9;
