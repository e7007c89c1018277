/**
 * The experiment file (`experiments/*.yaml`): a base model, strategies (overlays on it or
 * other model files), sweep axes, replications, SLOs, the 10x check and a time series.
 * Validated like a model — zod with the same error catalogue, every object strict — and
 * cross-checked afterwards (names that must exist, paths into the models) by load.ts.
 */
import { z } from 'zod';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count, duration } from '../model/schema/units.js';
import { OVERLAY_PATH_PATTERN } from './overlay.js';
import { sloSchema } from './slo.js';
import { MAX_RANGE_VALUES, rangeCount } from './sweep.js';

const overlayPath = z.string().regex(new RegExp(OVERLAY_PATH_PATTERN), {
  message: 'a dotted path into the model, e.g. components.db.cores or traffic.0.users',
});

const strategy = z.preprocess((v) => v ?? {}, z.strictObject({
  description: z.string().optional().describe('What this strategy changes, for the report.'),
  model: z.string().min(1).optional().describe('A whole other model file for this strategy, relative to the experiment file.'),
  set: z.record(overlayPath, z.unknown()).optional()
    .describe('Overlay: dotted paths into the model and the values to put there, e.g. { components.db.cores: 8 }.'),
  check: z.boolean().optional().describe('`stacksim experiment --check` fails when this strategy misses an SLO.'),
})).describe('A strategy: the base model as is ({}), with an overlay (set), or another model file (model).');

const range = z.strictObject({
  from: z.number().describe('First value.'),
  to: z.number().describe('Last value (included when the steps land on it).'),
  step: z.number().positive().describe('Distance between values (> 0).'),
}).superRefine((r, ctx) => {
  if (r.to < r.from) reject(ctx, r.to, { expected: `a value >= from (${r.from})` }, ['to']);
  else if (rangeCount(r) > MAX_RANGE_VALUES) {
    reject(ctx, r.step, { detail: `the range expands to ${rangeCount(r)} values`, expected: `at most ${MAX_RANGE_VALUES} values`, hint: 'use a larger step' }, ['step']);
  }
});

const axis = z.strictObject({
  path: overlayPath.describe('Where each value goes in the (overlaid) model, e.g. traffic.0.users.'),
  values: z.union([z.array(z.number()).min(1), range])
    .describe('The values: a list such as [100, 500, 1000], or { from: 100, to: 2000, step: 100 }.'),
  unit: z.string().min(1).optional()
    .describe('Appended to each value when written into the model, e.g. /s → 100/s, ms → 100ms (default: the unit the model uses there).'),
  label: z.string().min(1).optional().describe('Axis title in tables and charts (default: the axis name).'),
}).describe('One sweep axis: a path into the model and the values it takes.');

const timeseries = z.strictObject({
  strategy: name('strategy').describe('The strategy to sample.'),
  point: z.record(name('axis'), z.number()).default({}).describe('Value of each sweep axis, e.g. { users: 2000 } (default: the first value of each).'),
  window: duration().describe('Sampling window in simulated time, e.g. 5s.'),
}).describe('Sample one scenario over time: offered load, throughput, p95, errors, queues per window.');

export const experimentSchema = z.strictObject({
  $schema: z.string().optional().describe('JSON Schema for editors (ignored by the simulator).'),
  name: name('experiment').describe('The experiment name; outputs go to out/<name>/ by default.'),
  description: z.string().optional().describe('What the experiment compares.'),
  model: z.string().min(1).describe('The base model file, relative to this file.'),
  seed: z.union([z.number().int(), z.string().min(1)]).optional().describe('Master seed (default: the base model\'s).'),
  replications: count({ min: 1 }).default(3).describe('Runs per strategy and sweep point, each with its own seed shared by all strategies.'),
  duration: duration().optional().describe('Measured simulated time per scenario (default: the base model\'s run.duration).'),
  warmup: duration().optional().describe('Simulated time discarded first (default: the base model\'s run.warmup).'),
  baseline: name('strategy').optional().describe('The strategy others are compared with (default: the first).'),
  strategies: z.record(name('strategy'), strategy).superRefine((s, ctx) => {
    if (Object.keys(s).length === 0) reject(ctx, s, { expected: 'at least one strategy, e.g. `baseline: {}`' });
  }).describe('The alternatives compared, by name.'),
  sweep: z.record(name('axis'), axis).optional().describe('Sweep axes; every combination of their values is run.'),
  slo: z.array(sloSchema()).default([]).describe('Service-level objectives every row is judged on, e.g. ["p95 < 200ms", "errors < 0.1%"].'),
  ten_x: z.strictObject({
    axis: name('axis').describe('The sweep axis that measures load.'),
    base: z.number().positive().optional().describe('The base load on that axis; each strategy also runs at 10× this (default: the axis\'s first value).'),
  }).optional().describe('"Handles 10x load": run each strategy at the base and at 10× the base and judge the SLOs there.'),
  timeseries: z.union([timeseries, z.array(timeseries)]).optional().describe('Scenario(s) to sample over time.'),
});

export type ExperimentConfig = z.output<typeof experimentSchema>;
export type StrategyConfig = NonNullable<ExperimentConfig['strategies'][string]>;
export type AxisConfig = NonNullable<ExperimentConfig['sweep']>[string];
