/**
 * stacksim as a library: everything the CLI does is importable.
 *
 *   import { loadModel, simulate, runExperiment, renderCharts } from 'stacksim';
 *   const summary = simulate(loadModel('models/cached.yaml'), { duration: 600 });
 */
export { loadModel, loadModelDocument, type LoadedModel } from './run/load-model.js';
export { simulate, type SimulateOptions } from './run/simulate.js';
export type { RunSummary, EndpointSummary, LatencySummaryMs } from './metrics/summary.js';
export { buildModel, type BuiltModel } from './build/graph.js';
export { loadExperiment, runExperiment, writeOutputs, type LoadedExperiment } from './experiment/index.js';
export type { ExperimentResults, ResultRow, Estimate, PairedEstimate, TimeSeries } from './experiment/results.js';
export { renderCharts, writeReport, buildCharts } from './report/index.js';
export { planCapacity, type PlanOptions, type PlanResult } from './plan/index.js';
export { ModelError, ModelErrors, renderErrors } from './model/errors.js';
export { registry, type ComponentKind } from './components/registry.js';
export * as analytic from './analytic/index.js';
export * as engine from './engine/index.js';
