/**
 * Think time between a closed-loop user's tasks, as Locust's wait_time: constant,
 * between(a, b) uniform, or exponential. Z in Little's law X = N / (R + Z) is the mean.
 */
import { fail, nonNegative, positive } from './check.js';
import type { Rng } from './keys.js';

export type ThinkTime =
  | { readonly kind: 'constant'; readonly seconds: number }
  | { readonly kind: 'between'; readonly min: number; readonly max: number }
  | { readonly kind: 'exponential'; readonly mean: number };

export function constant(seconds: number): ThinkTime {
  return { kind: 'constant', seconds: nonNegative('constant(seconds)', seconds) };
}

export function between(min: number, max: number): ThinkTime {
  nonNegative('between(min)', min);
  if (!(max >= min) || !Number.isFinite(max)) fail('between(max)', max, `a finite number >= min (${min})`);
  return { kind: 'between', min, max };
}

export function exponential(mean: number): ThinkTime {
  return { kind: 'exponential', mean: positive('exponential(mean)', mean) };
}

/** Re-check a think time given as plain data (not built by the helpers above). */
export function checkThink(think: ThinkTime, param: string): ThinkTime {
  switch (think?.kind) {
    case 'constant': return constant(think.seconds);
    case 'between': return between(think.min, think.max);
    case 'exponential': return exponential(think.mean);
    default: return fail(param, think, "{ kind: 'constant' | 'between' | 'exponential', … }");
  }
}

export function thinkMean(think: ThinkTime): number {
  switch (think.kind) {
    case 'constant': return think.seconds;
    case 'between': return (think.min + think.max) / 2;
    case 'exponential': return think.mean;
  }
}

/** One think time in seconds. */
export function sampleThink(think: ThinkTime, rng: Rng): number {
  switch (think.kind) {
    case 'constant': return think.seconds;
    case 'between': return think.min + rng.next() * (think.max - think.min);
    case 'exponential': return -Math.log(1 - rng.next()) * think.mean;
  }
}
