/**
 * The catalogue of distribution kinds and their parameter forms, as plain data. The model
 * layer builds its zod schemas, JSON Schema and error hints from this list, and fromSpec
 * (spec.ts) uses it to check which form a spec uses, so the three never disagree.
 */
import { ALLOWED } from './errors.js';

export type ParamType = 'number' | 'integer' | 'boolean' | 'number[]' | 'components';

export interface ParamInfo {
  readonly name: string;
  readonly type: ParamType;
  /** What a valid value is, in the words DistributionError uses. */
  readonly allowed: string;
  readonly optional?: boolean;
  readonly default?: boolean;
}

export interface KindInfo {
  readonly kind: DistributionKind;
  /** One line for `explain` and schema descriptions. */
  readonly summary: string;
  /** Alternative parameter sets; a spec must match exactly one. */
  readonly forms: readonly (readonly ParamInfo[])[];
}

export type DistributionKind =
  | 'constant' | 'uniform' | 'exponential' | 'normal' | 'lognormal' | 'gamma' | 'erlang'
  | 'weibull' | 'pareto' | 'empirical' | 'mixture' | 'bernoulli' | 'uniform_int' | 'zipf' | 'hotset';

const num = (name: string, allowed: string): ParamInfo => ({ name, type: 'number', allowed });
const int = (name: string, allowed: string): ParamInfo => ({ name, type: 'integer', allowed });
const pos = (name: string) => num(name, ALLOWED.positive);

export const DISTRIBUTION_KINDS: readonly KindInfo[] = [
  { kind: 'constant', summary: 'always the same value', forms: [[num('value', ALLOWED.finite)]] },
  { kind: 'uniform', summary: 'uniform on [min, max)', forms: [[num('min', ALLOWED.finite), num('max', 'a finite number >= min')]] },
  { kind: 'exponential', summary: 'memoryless; by mean or by rate (= 1/mean)', forms: [[pos('mean')], [pos('rate')]] },
  {
    kind: 'normal',
    summary: 'normal; truncated at 0 (conditioned on X >= 0) unless truncate is false',
    forms: [[num('mean', ALLOWED.finite), num('sd', ALLOWED.nonNegative), { name: 'truncate', type: 'boolean', allowed: ALLOWED.boolean, optional: true, default: true }]],
  },
  {
    kind: 'lognormal',
    summary: 'exp of a normal; by mean and cv (sd/mean) or by mu and sigma of the log',
    forms: [[pos('mean'), num('cv', ALLOWED.nonNegative)], [num('mu', ALLOWED.finite), num('sigma', ALLOWED.nonNegative)]],
  },
  { kind: 'gamma', summary: 'gamma; by shape and scale or by mean and cv', forms: [[pos('shape'), pos('scale')], [pos('mean'), pos('cv')]] },
  { kind: 'erlang', summary: 'sum of k exponentials with total mean `mean` (cv = 1/√k)', forms: [[int('k', ALLOWED.integerAtLeast1), pos('mean')]] },
  { kind: 'weibull', summary: 'Weibull with shape k and scale λ', forms: [[pos('shape'), pos('scale')]] },
  { kind: 'pareto', summary: 'heavy tail P(X > x) = (xm/x)^alpha; mean infinite for alpha <= 1', forms: [[pos('alpha'), pos('xm')]] },
  {
    kind: 'empirical',
    summary: 'resample observed values (optionally interpolated), or a histogram uniform within bins',
    forms: [
      [{ name: 'samples', type: 'number[]', allowed: ALLOWED.nonEmptyFinite }, { name: 'interpolate', type: 'boolean', allowed: ALLOWED.boolean, optional: true, default: false }],
      [{ name: 'edges', type: 'number[]', allowed: 'a strictly increasing array of weights.length + 1 finite numbers' }, { name: 'weights', type: 'number[]', allowed: `finite numbers >= 0 forming ${ALLOWED.positiveSum}` }],
    ],
  },
  { kind: 'mixture', summary: 'draw from component i with probability weight_i / Σ weight', forms: [[{ name: 'components', type: 'components', allowed: 'a non-empty array of {weight, dist} with weights >= 0 and a finite sum > 0' }]] },
  { kind: 'bernoulli', summary: '1 with probability p, else 0', forms: [[num('p', ALLOWED.probability)]] },
  { kind: 'uniform_int', summary: 'each integer in [min, max] equally likely', forms: [[int('min', ALLOWED.safeInteger), int('max', 'a safe integer >= min')]] },
  { kind: 'zipf', summary: 'ranks 1..n with P(k) ∝ k^-s (popularity of keys)', forms: [[pos('s'), int('n', `${ALLOWED.integerAtLeast1} and <= 1e12`)]] },
  {
    kind: 'hotset',
    summary: 'keys 1..n; the first hot_fraction of keys get hot_weight of the draws (80/20 rule)',
    forms: [[int('n', ALLOWED.integerAtLeast1), num('hot_fraction', ALLOWED.openUnit), num('hot_weight', ALLOWED.probability)]],
  },
];

/** Catalogue entry by kind. */
export const KIND_INFO: Readonly<Record<DistributionKind, KindInfo>> = Object.fromEntries(
  DISTRIBUTION_KINDS.map((k) => [k.kind, k]),
) as Record<DistributionKind, KindInfo>;
