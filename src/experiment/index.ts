/**
 * The experiment runner: compare scaling strategies side by side over a sweep of loads,
 * with replications under common random numbers, SLO verdicts, a 10x check, time series
 * and a plain-words diagnosis. `loadExperiment` → `runExperiment` → `writeOutputs`.
 */
export { loadExperiment, type LoadOptions } from './load.js';
export { runExperiment, type RunOptions } from './run.js';
export { writeOutputs } from './output.js';
export { toCsv, csvColumns } from './csv.js';
export { checkResults, type CheckVerdict } from './check.js';
export { parseSlo, judge } from './slo.js';
export { expandRange, sweepPoints } from './sweep.js';
export { experimentSchema, type ExperimentConfig } from './schema.js';
export { experimentJsonSchema } from './json-schema.js';
export { defaultWorkers, type RunClock, type RunInfo } from './run-info.js';
export type { ExperimentOverrides, LoadedExperiment } from './setup.js';
export type * from './results.js';
