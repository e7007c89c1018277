/**
 * From the model's rate profile (schema/rate-profile.ts: always the keyed form, rates per
 * second, durations in seconds) to its RateFunction.
 */
import type { RateProfile } from '../../model/schema/rate-profile.js';
import { constantRate } from './constant.js';
import { diurnalRate } from './diurnal.js';
import { rampRate } from './ramp.js';
import type { RateFunction } from './rate-function.js';
import { spikeRate } from './spike.js';
import { stepsRate } from './steps.js';

export type { RateFunction } from './rate-function.js';
export { constantRate, diurnalRate, rampRate, spikeRate, stepsRate };

export function rateFunction(profile: RateProfile): RateFunction {
  if ('constant' in profile) return constantRate(profile.constant);
  if ('ramp' in profile) return rampRate(profile.ramp);
  if ('spike' in profile) return spikeRate(profile.spike);
  if ('diurnal' in profile) return diurnalRate(profile.diurnal);
  if ('steps' in profile) return stepsRate(profile.steps);
  throw new Error(`unknown rate profile ${JSON.stringify(profile)} (validated earlier)`);
}

/** The mean rate over [0, duration]: what `explain` quotes as the offered load. */
export function meanRateOf(fn: RateFunction, duration: number): number {
  return duration > 0 ? fn.cumulative(duration) / duration : fn.rate(0);
}
