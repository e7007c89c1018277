/**
 * A source's `client:` block resolved into plain runtime settings (seconds, counts, the
 * backoff policy), with absent parts switched off: no timeout waits forever, no retries
 * block means no retries, no budget means every retry may go, no breaker never refuses.
 */
import { backoffOf, type Backoff } from '../../components/policies/backoff/index.js';
import type { ClientConfig } from '../../model/schema/traffic.js';
import type { BreakerSettings } from './breaker.js';

export interface ClientSettings {
  /** Seconds an attempt may take before the client gives up on it; Infinity for none. */
  readonly timeout: number;
  readonly maxRetries: number;
  /** The delay before each retry; null retries at once. */
  readonly backoff: Backoff | null;
  readonly budget: { readonly ratio: number; readonly burst: number } | null;
  readonly breaker: BreakerSettings | null;
  readonly window: number;
  readonly tolerance: number;
}

export function clientSettings(c: ClientConfig): ClientSettings {
  const b = c.circuit_breaker;
  return {
    timeout: c.timeout ?? Infinity,
    maxRetries: c.retries?.max ?? 0,
    backoff: c.retries?.backoff === undefined ? null : backoffOf(c.retries.backoff),
    budget: c.budget === undefined ? null : { ratio: c.budget.ratio, burst: c.budget.burst },
    breaker: b === undefined ? null : {
      threshold: b.failure_threshold, window: b.window, minRequests: b.min_requests, openFor: b.open_for, probes: b.half_open_probes,
    },
    window: c.recovery.window,
    tolerance: c.recovery.tolerance,
  };
}
