/**
 * Sliding window *counter* (the approximation Cloudflare and many API gateways use): time
 * is cut into fixed windows aligned on multiples of `window` from time 0; the rate seen at
 * `now` is the current window's admitted count plus the previous window's count weighted by
 * the share of the previous window still inside the sliding window. A request is admitted
 * while that estimate plus itself stays within `limit`. O(1) memory per client; it assumes
 * the previous window's requests were spread evenly, so it can differ from the exact
 * sliding log (sliding-log.ts) by a fraction of `limit` at window edges.
 */
import { EPSILON, type RateLimitPolicy } from './policy.js';

export interface WindowCounter {
  /** Index of the current fixed window: floor(time / window). */
  index: number;
  current: number;
  previous: number;
}

/** The window `now` falls in; a time a rounding error short of an edge counts as on it. */
export function windowIndex(now: number, window: number): number {
  return Math.floor(now / window + EPSILON);
}

export function windowCounter(window: number, now: number): WindowCounter {
  return { index: windowIndex(now, window), current: 0, previous: 0 };
}

/** Admit at `now`? Counts only admitted requests. */
export function slidingWindowAllow(c: WindowCounter, now: number, limit: number, window: number): boolean {
  const index = windowIndex(now, window);
  if (index !== c.index) {
    c.previous = index === c.index + 1 ? c.current : 0;
    c.current = 0;
    c.index = index;
  }
  const elapsed = Math.max(0, (now - index * window) / window);
  const estimate = c.previous * (1 - elapsed) + c.current;
  if (estimate + 1 > limit + EPSILON) return false;
  c.current++;
  return true;
}

export function slidingWindowPolicy(limit: number, window: number): RateLimitPolicy<WindowCounter> {
  checkLimit('sliding_window', limit, window);
  return {
    name: 'sliding_window',
    fresh: (now) => windowCounter(window, now),
    allow: (c, now) => slidingWindowAllow(c, now, limit, window),
  };
}

export function checkLimit(name: string, limit: number, window: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`${name}: limit must be a whole number >= 1 (got ${limit})`);
  if (!(window > 0) || !Number.isFinite(window)) throw new RangeError(`${name}: window must be a duration > 0 (got ${window})`);
}
