/**
 * A daily cycle `{ mean, amplitude, period, peak_at }`:
 *   λ(t) = mean · (1 + amplitude · cos(2π (t − peak_at) / period)),
 * which averages `mean` over every whole period and peaks at `peak_at` (plus whole periods).
 * For thinning each period is cut into DIURNAL_SEGMENTS slices, each bounded by its own
 * maximum, so a few percent of candidates are rejected instead of up to half with one global max.
 */
import { requireRate, requireTime, type RateFunction } from './rate-function.js';

export interface DiurnalConfig {
  readonly mean: number;
  readonly amplitude: number;
  readonly period: number;
  readonly peak_at: number;
}

export const DIURNAL_SEGMENTS = 32;

const TWO_PI = 2 * Math.PI;

class Diurnal implements RateFunction {
  readonly kind = 'diurnal';
  readonly peak: number;
  private readonly omega: number;
  private readonly slice: number;

  constructor(private readonly mean: number, private readonly amplitude: number, private readonly period: number, private readonly peakAt: number) {
    this.peak = mean * (1 + amplitude);
    this.omega = TWO_PI / period;
    this.slice = period / DIURNAL_SEGMENTS;
  }

  rate(t: number): number {
    return this.mean * (1 + this.amplitude * Math.cos(this.omega * (t - this.peakAt)));
  }

  cumulative(t: number): number {
    if (t <= 0) return 0;
    const w = this.omega;
    return this.mean * t + ((this.mean * this.amplitude) / w) * (Math.sin(w * (t - this.peakAt)) + Math.sin(w * this.peakAt));
  }

  inverse(y: number): number {
    if (this.mean === 0) return Infinity;
    if (y <= 0) return 0;
    // Λ(t) stays within 2·mean·amplitude/ω of mean·t: that brackets the root
    const swing = (2 * this.mean * this.amplitude) / this.omega;
    let lo = Math.max(0, (y - swing) / this.mean);
    let hi = (y + swing) / this.mean;
    let t = y / this.mean;
    // safeguarded Newton: Λ is increasing and λ = Λ', bisect whenever a step leaves the bracket
    for (let i = 0; i < 200; i++) {
      const f = this.cumulative(t) - y;
      if (f === 0) return t;
      if (f > 0) hi = t; else lo = t;
      if (hi - lo <= 4 * Number.EPSILON * hi) return hi;
      const slope = this.rate(t);
      let next = slope > 0 ? t - f / slope : NaN;
      if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
      if (next === t) return t;
      t = next;
    }
    return t;
  }

  bound(t: number): number {
    const j = this.sliceOf(t);
    const x0 = this.omega * (j * this.slice - this.peakAt);
    const x1 = this.omega * ((j + 1) * this.slice - this.peakAt);
    // cos peaks only at multiples of 2π; elsewhere its max over [x0, x1] is at an end
    const k = Math.ceil(x0 / TWO_PI);
    const top = k * TWO_PI <= x1 ? 1 : Math.max(Math.cos(x0), Math.cos(x1));
    // the slack absorbs rounding in rate(), so the acceptance ratio never exceeds 1
    return this.mean * (1 + this.amplitude * top) * (1 + 1e-12);
  }

  boundEnd(t: number): number {
    return (this.sliceOf(t) + 1) * this.slice;
  }

  /** The slice holding t, robust to (j+1)·slice rounding to just below t. */
  private sliceOf(t: number): number {
    let j = Math.floor(t / this.slice);
    while ((j + 1) * this.slice <= t) j++;
    while (j > 0 && j * this.slice > t) j--;
    return j;
  }
}

export function diurnalRate(config: DiurnalConfig): RateFunction {
  const mean = requireRate('diurnal', 'mean', config.mean);
  const amplitude = config.amplitude;
  if (!(amplitude >= 0 && amplitude <= 1)) {
    throw new RangeError(`diurnal amplitude must be between 0 and 1 (0%–100%) so the rate never goes negative (got ${amplitude})`);
  }
  const period = requireTime('diurnal', 'period', config.period);
  if (period === 0) throw new RangeError('diurnal period must be a duration > 0s (got 0)');
  const peakAt = config.peak_at;
  if (!Number.isFinite(peakAt)) throw new RangeError(`diurnal peak_at must be a finite duration (got ${peakAt})`);
  return new Diurnal(mean, amplitude, period, peakAt);
}
