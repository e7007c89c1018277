/**
 * Capacity planning: the cheapest instance counts, pool sizes, replica counts, cores, cache
 * capacities and station servers that meet a model's SLOs at a target load.
 * `planCapacity(loaded, options)` → PlanResult (plain data); `renderPlanText` prints it.
 */
export { planCapacity } from './plan.js';
export { renderPlanText } from './text.js';
export { PlanInputError } from './errors.js';
export { modelKnobs, KNOB_FIELDS, type Knob, type KnobField } from './knobs.js';
export { DEFAULT_SLOS, DEFAULT_MAX_EVALUATIONS, DEFAULT_REPLICATIONS } from './settings.js';
export type * from './types.js';
