/**
 * Piecewise-constant rates `[ { at: 0s, rate: 100/s }, { at: 1m, rate: 500/s }, … ]`: each
 * step holds from its `at` until the next. Each step is its own thinning segment, so a long
 * schedule of low and high rates wastes no candidates on the quiet steps.
 */
import { PiecewiseLinear } from './piecewise.js';
import { requireRate, requireTime, type RateFunction } from './rate-function.js';

export interface RateStep {
  readonly at: number;
  readonly rate: number;
}

export function stepsRate(steps: readonly RateStep[]): RateFunction {
  if (steps.length === 0) throw new RangeError('steps must list at least one { at, rate } (got none)');
  if (steps[0]!.at !== 0) throw new RangeError(`steps[0].at must be 0s: the first step sets the rate from the start (got ${steps[0]!.at})`);
  const pieces = steps.map((s, i) => {
    const at = requireTime('steps', `[${i}].at`, s.at);
    if (i > 0 && !(at > steps[i - 1]!.at)) {
      throw new RangeError(`steps[${i}].at must be after steps[${i - 1}].at = ${steps[i - 1]!.at}s (got ${at})`);
    }
    return { start: at, rate: requireRate('steps', `[${i}].rate`, s.rate), slope: 0 };
  });
  return new PiecewiseLinear('steps', pieces);
}
