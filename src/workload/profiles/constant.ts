/**
 * The plainest profile: the same rate from start to end (`rate: 2000/s`).
 */
import { PiecewiseLinear } from './piecewise.js';
import { requireRate, type RateFunction } from './rate-function.js';

export function constantRate(rate: number): RateFunction {
  return new PiecewiseLinear('constant', [{ start: 0, rate: requireRate('constant', 'rate', rate), slope: 0 }]);
}
