/**
 * The model language's foundations: units, the error catalogue, loading YAML with source
 * positions, zod validation with catalogue errors, distributions, traffic and JSON Schema.
 * Component authors need only the schema helpers (duration(), rate(), timeDistribution()…)
 * and `.describe()`; errors and editor support follow from them.
 */
export {
  ERROR_CODES, ERROR_CODE_LIST, ModelError, ModelErrors, isErrorCode, renderError, renderErrors,
  type ErrorCode, type ModelErrorInit, type Result,
} from './errors.js';
export { describeType, describeValue, formatNumber, formatPath, listOf, type PathSegment } from './format.js';
export { didYouMean, editDistance, suggest } from './suggest.js';
export {
  COUNT_PATTERN, DURATION_PATTERN, DURATION_UNITS, EXPECTED, MULTIPLIERS, PERCENT_PATTERN, RATE_PATTERN, RATE_UNITS,
  SIGNED_DURATION_PATTERN, parseCount, parseDuration, parseFraction, parseRate, type Parsed, type UnitProblem,
} from './units.js';
export { parseYamlText, positionOf, readDocument, type LoadedDocument, type Position } from './load.js';
export { deepFreeze, loadAndValidate, validateData, validateDocument, type Frozen } from './validate.js';
export { openObjects, toJsonSchema, type JsonSchema, type JsonSchemaOptions } from './json-schema.js';

export { count, duration, fraction, rate, type Quantity } from './schema/units.js';
export { reject, type SimIssue } from './schema/issue.js';
export { entryOf, keyedUnion, keyedUnions, type KeyedUnion, type OneKeyOf } from './schema/keyed.js';
export { oneParamSet } from './schema/param-sets.js';
export { NAME_PATTERN, name, weight, weights } from './schema/names.js';
export {
  keyDistribution, timeDistribution, valueDistribution, type DistributionSchema, type DistributionSpec,
} from './schema/distribution.js';
export { toSpec, type Dimension } from './schema/distribution-check.js';
export { rateProfile, type RateProfile } from './schema/rate-profile.js';
export { waitTime } from './schema/wait-time.js';
export {
  traffic, trafficSource, type ClosedLoopSource, type OpenLoopSource, type TraceSource, type TrafficSource,
} from './schema/traffic.js';
