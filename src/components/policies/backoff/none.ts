/**
 * No jitter: exactly min(cap, base × 2^attempt). Every client that failed together retries
 * together, so the retries arrive in synchronised waves — the baseline jitter is measured against.
 */
import { exponentialCeiling, type BackoffPolicy } from './policy.js';

export const noJitter: BackoffPolicy = (attempt, base, cap) => exponentialCeiling(attempt, base, cap);
