/**
 * Robust summaries of measured latencies. A shared machine stalls now and then (a neighbour's
 * burst, a page fault): one 300 ms stall among 500 requests of 1 ms doubles their mean.
 * Calibration therefore reads the body of a distribution — its quantiles up to the 99th — and
 * takes the median over repeated windows, never a single window's raw mean.
 */
import { LatencyHistogram, type LatencySummary } from '../driver/index.js';
import type { Moments } from './demand.js';

/** Mean and sd of a latency distribution cut at its `upTo`-th percentile, in ms. */
export function trimmedMoments(summary: LatencySummary, upTo = 99, points = 400): Moments {
  if (summary.count === 0) return { mean: 0, sd: 0 };
  const h = LatencyHistogram.decode(summary.hdr);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < points; i++) {
    const x = h.percentileMs(((i + 0.5) / points) * upTo);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / points;
  return { mean, sd: Math.sqrt(Math.max(0, sumSq / points - mean * mean)) };
}

/** The median of a non-empty list (the mean of the middle two for an even length). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of an empty list is not defined: pass at least one value');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
