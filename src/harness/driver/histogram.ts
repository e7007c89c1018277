/**
 * Latency histograms for the driver: an HDR histogram at microsecond resolution with three
 * significant digits (relative error <= 0.1 %), so memory stays fixed however many requests
 * a run makes. Summaries are reported in milliseconds; the encoded histogram travels with
 * the JSON so runs can be merged later without losing the tail.
 */
import * as hdr from 'hdr-histogram-js';

/** One hour in µs: the initial range. The histogram resizes itself beyond it. */
const INITIAL_HIGHEST_US = 3_600_000_000;

export interface LatencySummary {
  readonly unit: 'ms';
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly stdev: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** The whole histogram (µs values), HdrHistogram V2 compressed base64. */
  readonly hdr: string;
}

export class LatencyHistogram {
  private readonly h: hdr.Histogram;

  constructor(from?: hdr.Histogram) {
    this.h = from ?? hdr.build({
      bitBucketSize: 32,
      autoResize: true,
      lowestDiscernibleValue: 1,
      highestTrackableValue: INITIAL_HIGHEST_US,
      numberOfSignificantValueDigits: 3,
    });
  }

  /** Rebuild from the `hdr` field of a summary, e.g. to merge results from several runs. */
  static decode(encoded: string): LatencyHistogram {
    return new LatencyHistogram(hdr.decodeFromCompressedBase64(encoded, 32, false));
  }

  get count(): number {
    return this.h.totalCount;
  }

  /** Record one duration given in milliseconds (as performance.now() differences are). */
  recordMs(ms: number): void {
    // Clock differences can be a hair below zero across timer sources; clamp, never throw.
    const us = ms > 0 ? Math.round(ms * 1000) : 0;
    this.h.recordValue(us);
  }

  /** Value at percentile `p` (0–100) in milliseconds; 0 when empty. */
  percentileMs(p: number): number {
    return this.h.totalCount === 0 ? 0 : this.h.getValueAtPercentile(p) / 1000;
  }

  maxMs(): number {
    return this.h.totalCount === 0 ? 0 : this.h.maxValue / 1000;
  }

  merge(other: LatencyHistogram): void {
    this.h.add(other.h);
  }

  summary(): LatencySummary {
    const empty = this.h.totalCount === 0;
    const ms = (us: number): number => (empty ? 0 : us / 1000);
    return {
      unit: 'ms',
      count: this.h.totalCount,
      min: this.percentileMs(0),
      mean: ms(this.h.mean),
      stdev: ms(this.h.stdDeviation),
      p50: this.percentileMs(50),
      p90: this.percentileMs(90),
      p95: this.percentileMs(95),
      p99: this.percentileMs(99),
      p999: this.percentileMs(99.9),
      max: this.maxMs(),
      hdr: hdr.encodeIntoCompressedBase64(this.h),
    };
  }
}
