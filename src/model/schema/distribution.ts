/**
 * Distributions as YAML: `{ exponential: { mean: 4ms } }`, `{ constant: 5ms }`,
 * `{ mixture: [ { weight: 0.9, dist: … } ] }` … built from the engine's catalogue of kinds
 * (engine/random/kinds.ts), so a kind added there appears here, in the JSON Schema and in
 * the error hints. Three flavours: time-valued (service times: parameters are durations
 * with units), value (plain numbers, including the discrete kinds) and key popularity.
 */
import { z } from 'zod';
import { DISTRIBUTION_KINDS, type KindInfo, type ParamInfo } from '../../engine/random/kinds.js';
import type { DistributionSpec } from '../../engine/random/spec.js';
import { checkedSpec, type Dimension } from './distribution-check.js';
import { keyedUnion } from './keyed.js';
import { oneParamSet } from './param-sets.js';
import { count, duration, fraction, rate } from './units.js';

export type { DistributionSpec };
export type DistributionSchema = z.ZodType<DistributionSpec, unknown>;

/** Kinds whose draws are integers; a duration drawn from them would make no sense. */
const DISCRETE = new Set(['bernoulli', 'uniform_int', 'zipf', 'hotset']);
/** Parameters measured in the distribution's own unit: seconds for a time distribution. */
const LOCATION = new Set(['value', 'min', 'max', 'mean', 'sd', 'scale', 'xm', 'samples', 'edges']);
/** Probabilities and shares, which read well as percentages (`hot_weight: 80%`). */
const SHARES = new Set(['p', 'hot_fraction', 'hot_weight']);

function numberParam(name: string, dim: Dimension): z.ZodType<number, unknown> {
  if (dim === 'time' && LOCATION.has(name)) return duration({ signed: true });
  if (dim === 'time' && name === 'rate') return rate();
  // The engine judges the range (p > 1 is SIM_E_BAD_DISTRIBUTION), so shares are unchecked.
  if (SHARES.has(name)) return fraction({ checked: false });
  if (name === 'n') return count();
  return z.number();
}

function paramSchema(p: ParamInfo, dim: Dimension, self: () => DistributionSchema): z.ZodType {
  const unit = dim !== 'time' ? '' : LOCATION.has(p.name) ? ', as a duration such as 4ms'
    : p.name === 'mu' ? ' (mean of ln of the value in seconds)' : '';
  let s: z.ZodType;
  switch (p.type) {
    case 'boolean': s = z.boolean(); break;
    case 'number[]': s = z.array(numberParam(p.name, dim)); break;
    case 'components': s = z.array(z.strictObject({ weight: z.number(), dist: z.lazy(self) })); break;
    default: s = numberParam(p.name, dim);
  }
  s = s.describe(`${p.allowed}${unit}${p.default === undefined ? '' : ` (default ${p.default})`}`);
  return p.optional ? s.optional() : s;
}

/**
 * One kind's YAML form: its parameter mapping (one of several forms where the engine
 * allows several). A kind with a single parameter may also be written as that value
 * alone, which is how `{ constant: 5ms }` and `{ mixture: [ … ] }` read.
 */
function variant(info: KindInfo, dim: Dimension, self: () => DistributionSchema): z.ZodType {
  const forms = info.forms.map((form) =>
    z.strictObject(Object.fromEntries(form.map((p) => [p.name, paramSchema(p, dim, self)]))));
  const mapping = forms.length === 1 ? forms[0]! : oneParamSet(info.kind, forms, 'SIM_E_BAD_DISTRIBUTION');
  const only = info.forms.length === 1 && info.forms[0]!.length === 1 ? info.forms[0]![0]! : undefined;
  if (only === undefined) return mapping.describe(info.summary);
  const bare = paramSchema(only, dim, self);
  return (only.type === 'components' ? bare : z.union([bare, mapping])).describe(info.summary);
}

function variants(kinds: readonly KindInfo[], dim: Dimension, self: () => DistributionSchema): Record<string, z.ZodType> {
  return Object.fromEntries(kinds.map((info) => [info.kind, variant(info, dim, self)]));
}

const cache = new Map<Dimension, DistributionSchema>();

function build(dim: Dimension, kinds: Record<string, z.ZodType>, example: string, description: string): DistributionSchema {
  let schema = cache.get(dim);
  if (schema === undefined) {
    const noun = dim === 'key' ? 'key distribution' : 'distribution';
    // The id names the recursive (mixture) definition in JSON Schema: `#/$defs/TimeDistribution`.
    const id = `${dim[0]!.toUpperCase()}${dim.slice(1)}Distribution`;
    schema = checkedSpec(keyedUnion(noun, kinds, { example }), dim).meta({ id, description });
    cache.set(dim, schema);
  }
  return schema;
}

/** A distribution of durations (service times, think times): `{ exponential: { mean: 4ms } }`. */
export function timeDistribution(): DistributionSchema {
  if (cache.has('time')) return cache.get('time')!;
  const kinds = DISTRIBUTION_KINDS.filter((k) => !DISCRETE.has(k.kind));
  return build('time', variants(kinds, 'time', timeDistribution), '{ exponential: { mean: 4ms } }',
    'A distribution of durations, e.g. { exponential: { mean: 4ms } } or { constant: 5ms }.');
}

/** A distribution of plain numbers (sizes, batch lengths…), including the discrete kinds. */
export function valueDistribution(): DistributionSchema {
  if (cache.has('value')) return cache.get('value')!;
  return build('value', variants(DISTRIBUTION_KINDS, 'value', valueDistribution), '{ uniform_int: { min: 1, max: 10 } }',
    'A distribution of plain numbers, e.g. { uniform_int: { min: 1, max: 10 } } or { bernoulli: { p: 0.1 } }.');
}

/** Which key (1..n) a request touches: `{ zipf: { s: 1.1, n: 1M } }`. */
export function keyDistribution(): DistributionSchema {
  if (cache.has('key')) return cache.get('key')!;
  const uniform = z.strictObject({ n: count({ min: 1 }).describe('The number of keys.') }).describe('every key in 1..n equally likely');
  const kinds = DISTRIBUTION_KINDS.filter((k) => k.kind === 'zipf' || k.kind === 'hotset');
  return build('key', { uniform, ...variants(kinds, 'key', keyDistribution) }, '{ zipf: { s: 1.1, n: 1M } }',
    'Key popularity over keys 1..n: { uniform: { n } }, { zipf: { s, n } } or { hotset: { n, hot_fraction, hot_weight } }.');
}
