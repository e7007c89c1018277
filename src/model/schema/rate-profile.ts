/**
 * How an open-loop arrival rate changes over simulated time: `rate: 2000/s`, or a profile
 * such as `{ ramp: { from: 100/s, to: 2k/s, over: 5m } }`, `{ spike: … }`, `{ diurnal: … }`
 * or piecewise `{ steps: [ { at: 0s, rate: 100/s }, … ] }`. Output is always the keyed
 * form, so `2000/s` becomes `{ constant: 2000 }` (per second).
 */
import { z } from 'zod';
import { keyedUnion, type OneKeyOf } from './keyed.js';
import { reject } from './issue.js';
import { duration, fraction, rate } from './units.js';

const step = z.strictObject({
  at: duration().describe('When this rate starts, from the start of the run.'),
  rate: rate(),
});

const steps = z.array(step).min(1).superRefine((list, ctx) => {
  if (list[0]!.at !== 0) {
    const hint = 'add a first step `{ at: 0s, rate: … }`';
    reject(ctx, list[0]!.at, { detail: 'the first step sets the rate from the start', expected: '0s', hint }, [0, 'at']);
  }
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.at <= list[i - 1]!.at) {
      reject(ctx, list[i]!.at, { detail: 'steps must be in time order', expected: `a time after step ${i - 1}` }, [i, 'at']);
    }
  }
}, { when: (payload) => payload.issues.length === 0 });

const variants = {
  constant: rate().describe('The same rate throughout.'),
  ramp: z.strictObject({
    from: rate(),
    to: rate(),
    over: duration().describe('How long the ramp takes.'),
    start: duration().prefault(0).describe('When the ramp begins (default 0s); before it the rate is `from`.'),
  }).describe('A linear change from one rate to another.'),
  spike: z.strictObject({
    base: rate().describe('The rate outside the spike.'),
    peak: rate().describe('The rate during the spike.'),
    at: duration().describe('When the spike starts.'),
    for: duration().describe('How long it lasts.'),
  }).describe('A flash crowd: base rate, with a peak for a while.'),
  diurnal: z.strictObject({
    mean: rate().describe('The average rate over a period.'),
    amplitude: fraction().describe('Swing around the mean as a share of it: 50% varies between 0.5× and 1.5× the mean.'),
    period: duration().prefault('24h').describe('Length of one cycle (default 24h).'),
    peak_at: duration().prefault(0).describe('When in the cycle the rate peaks.'),
  }).describe('A sinusoidal daily cycle.'),
  steps: steps.describe('Piecewise constant: each step holds from its `at` until the next.'),
};

export type RateProfile = OneKeyOf<typeof variants>;

const profile = keyedUnion('rate profile', variants, { example: '{ ramp: { from: 100/s, to: 2k/s, over: 5m } }' });

/** A rate (`2000/s`) or a rate profile; always returns the keyed form. */
export function rateProfile(): z.ZodType<RateProfile, unknown> {
  return z.union([rate().transform((r): RateProfile => ({ constant: r })), profile])
    .describe('Arrival rate: a constant such as 2000/s, or a profile ({ ramp }, { spike }, { diurnal }, { steps }).');
}
