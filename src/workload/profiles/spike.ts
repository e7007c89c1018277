/**
 * A flash crowd `{ base, peak, at, for }`: the base rate, the peak rate during
 * [at, at + for), then the base rate again.
 */
import { PiecewiseLinear, type LinearPiece } from './piecewise.js';
import { requireRate, requireTime, type RateFunction } from './rate-function.js';

export interface SpikeConfig {
  readonly base: number;
  readonly peak: number;
  readonly at: number;
  readonly for: number;
}

export function spikeRate(config: SpikeConfig): RateFunction {
  const base = requireRate('spike', 'base', config.base);
  const peak = requireRate('spike', 'peak', config.peak);
  const at = requireTime('spike', 'at', config.at);
  const length = requireTime('spike', 'for', config.for);
  const pieces: LinearPiece[] = [];
  if (at > 0) pieces.push({ start: 0, rate: base, slope: 0 });
  if (length > 0) pieces.push({ start: at, rate: peak, slope: 0 });
  pieces.push({ start: at + length, rate: base, slope: 0 });
  // a spike at 0 lasting 0 leaves one piece at 0: the base rate
  return new PiecewiseLinear('spike', pieces.filter((p, i) => i === 0 || p.start > pieces[i - 1]!.start));
}
