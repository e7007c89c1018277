/**
 * Streaming statistics for the engine: memory bounded by what is in flight, never by the
 * number of requests simulated. Collectors (histogram, gauge, counters) plus the interval
 * estimates used to summarise replications.
 */
export { LatencyHistogram, nearestRank } from './histogram.js';
export type { LatencyHistogramJSON } from './histogram.js';
export { RELATIVE_ERROR as HISTOGRAM_RELATIVE_ERROR } from './log-buckets.js';
export { TimeWeighted } from './time-weighted.js';
export { Counter, RunningStats } from './counter.js';
export type { RunningStatsJSON } from './counter.js';
export { WarmupGate } from './warmup.js';
export type { Collector } from './warmup.js';
export { tQuantile, tCdf } from './student-t.js';
export { normalQuantile } from './normal.js';
export { meanCI, pairedCI } from './confidence.js';
export type { ConfidenceInterval } from './confidence.js';
