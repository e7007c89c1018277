/**
 * Clients that behave like clients: per traffic source, timeouts, retries with backoff and
 * jitter, a retry budget and a circuit breaker, plus the goodput series and recovery verdict
 * a run reports. SourceBase wraps every request it sends through a Client when the source
 * has a `client:` block.
 */
export { Client, type ClientEnv } from './client.js';
export { clientSettings, type ClientSettings } from './settings.js';
export { clientReport, type ClientReport } from './report.js';
export { RetryBudget } from './budget.js';
export { CircuitBreaker, CLOSED, HALF_OPEN, OPEN, PROBE, REFUSE, SEND, type BreakerSettings, type BreakerState } from './breaker.js';
export { WindowSeries } from './series.js';
export { recoveryOf, SETTLE_WINDOWS, type Recovery, type RecoveryStatus } from './recovery.js';
