/**
 * A linear ramp `{ from, to, over, start }`: `from` until `start`, then a straight line to
 * `to` over `over` seconds, then `to` for good — the shape of a load test that climbs.
 */
import { PiecewiseLinear, type LinearPiece } from './piecewise.js';
import { requireRate, requireTime, type RateFunction } from './rate-function.js';

export interface RampConfig {
  readonly from: number;
  readonly to: number;
  readonly over: number;
  readonly start?: number;
}

/** The climb is cut into this many pieces only to tighten thinning's bound: one piece from
 * 0 to r would reject half its candidates, sixteen reject about 3%. */
export const RAMP_PIECES = 16;

export function rampRate(config: RampConfig): RateFunction {
  const from = requireRate('ramp', 'from', config.from);
  const to = requireRate('ramp', 'to', config.to);
  const over = requireTime('ramp', 'over', config.over);
  const start = requireTime('ramp', 'start', config.start ?? 0);
  const pieces: LinearPiece[] = [];
  if (start > 0) pieces.push({ start: 0, rate: from, slope: 0 });
  if (over > 0) {
    const slope = (to - from) / over;
    for (let k = 0; k < RAMP_PIECES; k++) {
      // rates at the cut points come from the line itself, so the pieces join exactly
      pieces.push({ start: start + (over * k) / RAMP_PIECES, rate: from + ((to - from) * k) / RAMP_PIECES, slope });
    }
  }
  pieces.push({ start: start + over, rate: to, slope: 0 });
  return new PiecewiseLinear('ramp', pieces);
}
