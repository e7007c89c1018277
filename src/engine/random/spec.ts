/**
 * DistributionSpec: the plain-data form of a distribution that the YAML model layer
 * produces (single-key objects, snake_case, times already in seconds), and fromSpec, which
 * turns one into a sampler. Parameter forms are checked against the catalogue in kinds.ts.
 */
import type { DistributionWithSupport } from './base.js';
import { constant, exponential, exponentialRate, pareto, uniform, weibull } from './continuous.js';
import { bernoulli, hotset, uniformInt } from './discrete.js';
import { empiricalHistogram, empiricalSamples } from './empirical.js';
import { DistributionError, requireBoolean } from './errors.js';
import { erlang, gamma, gammaMeanCv } from './gamma.js';
import { DISTRIBUTION_KINDS, KIND_INFO, type DistributionKind, type ParamInfo } from './kinds.js';
import { mixture } from './mixture.js';
import { lognormal, lognormalMeanCv, normal } from './normal.js';
import { zipf } from './zipf.js';

type Nums = readonly number[];

export type DistributionSpec =
  | { readonly constant: { readonly value: number } }
  | { readonly uniform: { readonly min: number; readonly max: number } }
  | { readonly exponential: { readonly mean: number } | { readonly rate: number } }
  | { readonly normal: { readonly mean: number; readonly sd: number; readonly truncate?: boolean } }
  | { readonly lognormal: { readonly mean: number; readonly cv: number } | { readonly mu: number; readonly sigma: number } }
  | { readonly gamma: { readonly shape: number; readonly scale: number } | { readonly mean: number; readonly cv: number } }
  | { readonly erlang: { readonly k: number; readonly mean: number } }
  | { readonly weibull: { readonly shape: number; readonly scale: number } }
  | { readonly pareto: { readonly alpha: number; readonly xm: number } }
  | { readonly empirical: { readonly samples: Nums; readonly interpolate?: boolean } | { readonly edges: Nums; readonly weights: Nums } }
  | { readonly mixture: { readonly components: readonly { readonly weight: number; readonly dist: DistributionSpec }[] } }
  | { readonly bernoulli: { readonly p: number } }
  | { readonly uniform_int: { readonly min: number; readonly max: number } }
  | { readonly zipf: { readonly s: number; readonly n: number } }
  | { readonly hotset: { readonly n: number; readonly hot_fraction: number; readonly hot_weight: number } };

type Params = Record<string, any>;

/** Build the sampler a spec describes; throws DistributionError naming the bad parameter. */
export function fromSpec(spec: DistributionSpec): DistributionWithSupport {
  const [kind, params] = splitSpec(spec);
  const form = matchForm(kind, params);
  const has = (name: string) => form.some((p) => p.name === name);
  switch (kind) {
    case 'constant': return constant(params.value);
    case 'uniform': return uniform(params.min, params.max);
    case 'exponential': return has('rate') ? exponentialRate(params.rate) : exponential(params.mean);
    case 'normal': return normal(params.mean, params.sd, optionalBoolean(kind, params, 'truncate', true));
    case 'lognormal': return has('mu') ? lognormal(params.mu, params.sigma) : lognormalMeanCv(params.mean, params.cv);
    case 'gamma': return has('shape') ? gamma(params.shape, params.scale) : gammaMeanCv(params.mean, params.cv);
    case 'erlang': return erlang(params.k, params.mean);
    case 'weibull': return weibull(params.shape, params.scale);
    case 'pareto': return pareto(params.alpha, params.xm);
    case 'empirical':
      return has('samples')
        ? empiricalSamples(params.samples, optionalBoolean(kind, params, 'interpolate', false))
        : empiricalHistogram(params.edges, params.weights);
    case 'mixture': return mixtureFromSpec(params.components);
    case 'bernoulli': return bernoulli(params.p);
    case 'uniform_int': return uniformInt(params.min, params.max);
    case 'zipf': return zipf(params.s, params.n);
    case 'hotset': return hotset(params.n, params.hot_fraction, params.hot_weight);
  }
}

function splitSpec(spec: unknown): [DistributionKind, Params] {
  const kinds = DISTRIBUTION_KINDS.map((k) => k.kind);
  const keys = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? Object.keys(spec) : [];
  const kind = keys[0] as DistributionKind;
  if (keys.length !== 1 || !kinds.includes(kind)) {
    const got = keys.length === 1 ? kind : spec;
    throw new DistributionError('distribution', 'kind', got, `a single key, one of ${kinds.join(', ')}`);
  }
  const params = (spec as Record<string, unknown>)[kind];
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new DistributionError(kind, 'parameters', params, 'an object');
  }
  return [kind, params as Params];
}

/** The one form whose required parameters are all present and which knows every key given. */
function matchForm(kind: DistributionKind, params: Params): readonly ParamInfo[] {
  const { forms } = KIND_INFO[kind];
  const keys = Object.keys(params).filter((k) => params[k] !== undefined);
  const fits = (form: readonly ParamInfo[]) =>
    form.every((p) => p.optional || keys.includes(p.name)) && keys.every((k) => form.some((p) => p.name === k));
  const form = forms.find(fits);
  if (form) return form;
  const names = forms.map((f) => `{${f.map((p) => p.name + (p.optional ? '?' : '')).join(', ')}}`).join(' or ');
  throw new DistributionError(kind, 'parameters', keys, names);
}

function optionalBoolean(kind: string, params: Params, name: string, fallback: boolean): boolean {
  return params[name] === undefined ? fallback : requireBoolean(kind, name, params[name]);
}

function mixtureFromSpec(components: unknown): DistributionWithSupport {
  if (!Array.isArray(components)) {
    throw new DistributionError('mixture', 'components', components, 'a non-empty array of {weight, dist}');
  }
  return mixture(components.map((c: { weight: number; dist: DistributionSpec }) => ({ weight: c?.weight, dist: fromSpec(c?.dist) })));
}
