/**
 * Validation of the simulator against the real system: calibrate a model from the running
 * API, drive both at the same load levels, and publish how far predictions are from
 * measurements (validation.json, model-<config>.yaml, report.html). See pipeline.ts.
 */
export { runValidation, predictAgain, MEASUREMENTS_FILE, WAKE_MODELS, type WakeModel, type ValidateOptions, type SavedMeasurements } from './pipeline.js';
export { FULL, QUICK, type ValidationPlan } from './plan.js';
export { CONFIGS, type ConfigName } from './configs.js';
export { fitTime, formatSeconds, residualMoments, type Fit, type YamlDistribution } from './fit.js';
export { relativeError, errorsOf, verdictOf, tallyVerdicts, TARGETS, TARGET_LOAD_SHARE, type Figures, type Errors, type Verdict } from './compare.js';
export { demandOf, hitPathOf, type Demand } from './demand.js';
export type { ValidationResult, ConfigResult, LevelResult } from './result.js';
