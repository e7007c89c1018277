/**
 * Sliding *log*: the exact sliding window. It remembers the times of the last `limit`
 * admitted requests and admits a new one when fewer than `limit` fall in (now − window, now]
 * — so no interval of length `window` ever holds more than `limit` admissions. Memory is up
 * to `limit` times per client: the ring starts small and doubles only for clients that
 * actually send that many.
 */
import { EPSILON, type RateLimitPolicy } from './policy.js';
import { checkLimit } from './sliding-window.js';

export interface RequestLog {
  /** Admission times in a ring, oldest at `head`. */
  times: Float64Array;
  head: number;
  size: number;
}

const INITIAL = 4;

export function requestLog(limit: number): RequestLog {
  return { times: new Float64Array(Math.min(limit, INITIAL)), head: 0, size: 0 };
}

/** Admit at `now`? Admissions older than the window are forgotten first. */
export function slidingLogAllow(log: RequestLog, now: number, limit: number, window: number): boolean {
  // EPSILON: an admission exactly one window old has left it, whatever the rounding of `now`
  const cutoff = now - window + EPSILON;
  while (log.size > 0 && log.times[log.head]! <= cutoff) {
    log.head = (log.head + 1) % log.times.length;
    log.size--;
  }
  if (log.size >= limit) return false;
  if (log.size === log.times.length) grow(log, limit);
  log.times[(log.head + log.size) % log.times.length] = now;
  log.size++;
  return true;
}

function grow(log: RequestLog, limit: number): void {
  const next = new Float64Array(Math.min(limit, log.times.length * 2));
  for (let i = 0; i < log.size; i++) next[i] = log.times[(log.head + i) % log.times.length]!;
  log.times = next;
  log.head = 0;
}

export function slidingLogPolicy(limit: number, window: number): RateLimitPolicy<RequestLog> {
  checkLimit('sliding_log', limit, window);
  return {
    name: 'sliding_log',
    fresh: () => requestLog(limit),
    allow: (log, now) => slidingLogAllow(log, now, limit, window),
  };
}
