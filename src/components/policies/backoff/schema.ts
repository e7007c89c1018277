/**
 * The YAML block configuring a backoff — `{ base: 1s, cap: 10m, jitter: full }` — shared by
 * every retrying part of a model (task retries, client retries). Defaults differ by use, so
 * callers pass theirs; the cap must not be below the base.
 */
import { z } from 'zod';
import { reject } from '../../../model/schema/issue.js';
import { duration } from '../../../model/schema/units.js';
import { JITTER_KINDS, type JitterKind } from './index.js';

export interface BackoffDefaults {
  base: string;
  cap: string;
  jitter: JitterKind;
}

export function backoffSchema(defaults: BackoffDefaults) {
  return z.strictObject({
    base: duration().prefault(defaults.base)
      .describe(`Delay ceiling before the first retry; it doubles each retry (default ${defaults.base}).`),
    cap: duration().prefault(defaults.cap).describe(`Largest delay between retries (default ${defaults.cap}).`),
    jitter: z.enum(JITTER_KINDS).default(defaults.jitter).describe(
      'none: exactly min(cap, base × 2^n); full: uniform in [0, that); equal: half of it plus uniform over the other half; '
      + `decorrelated: min(cap, uniform(base, 3 × previous delay)) (default ${defaults.jitter}).`),
  }).superRefine((b, ctx) => {
    if (b.cap < b.base) {
      reject(ctx, b.cap, { code: 'SIM_E_INVALID_VALUE', expected: `a cap >= base (${b.base}s)`, hint: 'raise cap or lower base' }, ['cap']);
    }
  }).describe('Exponential backoff with a cap and jitter (AWS "Exponential Backoff and Jitter").');
}

export type BackoffConfig = z.output<ReturnType<typeof backoffSchema>>;
