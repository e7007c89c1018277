/**
 * fromSpec and the kind catalogue: every form of every kind in DISTRIBUTION_KINDS builds
 * the matching sampler (so catalogue, spec type and builder agree), defaults apply, and
 * every bad parameter yields the exact DistributionError message.
 */
import { describe, expect, it } from 'vitest';
import { DistributionError } from '../../../src/engine/random/errors.js';
import { DISTRIBUTION_KINDS, KIND_INFO } from '../../../src/engine/random/kinds.js';
import { fromSpec, type DistributionSpec } from '../../../src/engine/random/spec.js';

const EXAMPLE: Record<string, unknown> = {
  value: 1, min: 1, max: 3, mean: 2, rate: 0.5, sd: 1, truncate: true, cv: 0.5, mu: 0, sigma: 0.5,
  shape: 2, scale: 1, k: 3, alpha: 3, xm: 1, samples: [1, 2, 3], interpolate: true, edges: [0, 1, 2],
  weights: [1, 1], components: [{ weight: 1, dist: { constant: { value: 1 } } }], p: 0.5, s: 1.1, n: 100,
  hot_fraction: 0.2, hot_weight: 0.8,
};

const spec = (x: unknown) => x as DistributionSpec;

describe('the kind catalogue', () => {
  it('lists each kind once, and every form of every kind builds through fromSpec', () => {
    expect(new Set(DISTRIBUTION_KINDS.map((k) => k.kind)).size).toBe(DISTRIBUTION_KINDS.length);
    expect(DISTRIBUTION_KINDS).toHaveLength(15);
    for (const info of DISTRIBUTION_KINDS) {
      for (const form of info.forms) {
        const params = Object.fromEntries(form.map((p) => [p.name, EXAMPLE[p.name]]));
        const d = fromSpec(spec({ [info.kind]: params }));
        expect(d.kind, `${info.kind} ${Object.keys(params)}`).toBe(info.kind);
        expect(Number.isFinite(d.mean) && Number.isFinite(d.variance)).toBe(true);
      }
    }
    expect(KIND_INFO.zipf.forms[0]!.map((p) => p.name)).toEqual(['s', 'n']);
  });
});

describe('fromSpec', () => {
  it('builds the form the parameters name', () => {
    expect(fromSpec({ exponential: { rate: 4 } }).mean).toBe(0.25);
    expect(fromSpec({ exponential: { mean: 4 } }).mean).toBe(4);
    expect(fromSpec({ lognormal: { mean: 3, cv: 1 } }).mean).toBe(3);
    expect(fromSpec({ lognormal: { mu: 0, sigma: 0 } }).mean).toBe(1);
    expect(fromSpec({ gamma: { mean: 3, cv: 0.5 } }).variance).toBeCloseTo(2.25, 14);
    expect(fromSpec({ gamma: { shape: 3, scale: 0.5 } }).variance).toBe(0.75);
    expect(fromSpec({ hotset: { n: 100, hot_fraction: 0.2, hot_weight: 0.8 } }).mean).toBe(20.5);
  });

  it('applies defaults: normal is truncated at 0, empirical samples are not interpolated', () => {
    expect(fromSpec({ normal: { mean: 1, sd: 1 } }).min).toBe(0);
    expect(fromSpec({ normal: { mean: 1, sd: 1, truncate: false } }).min).toBe(-Infinity);
    expect(fromSpec({ empirical: { samples: [1, 2] } }).discrete).toBe(true);
    expect(fromSpec({ empirical: { samples: [1, 2], interpolate: true } }).discrete).toBe(false);
  });

  it('builds nested mixtures from frozen specs', () => {
    const s: DistributionSpec = Object.freeze({
      mixture: Object.freeze({
        components: Object.freeze([
          Object.freeze({ weight: 3, dist: Object.freeze({ constant: Object.freeze({ value: 1 }) }) }),
          Object.freeze({ weight: 1, dist: { mixture: { components: [{ weight: 1, dist: { constant: { value: 5 } } }] } } }),
        ]),
      }),
    });
    expect(fromSpec(s).mean).toBe(2);
  });
});

const BAD: [unknown, string][] = [
  [{ exponential: { mean: -2 } }, 'exponential: mean must be a finite number > 0 (got -2)'],
  [{ exponential: { mean: 0 } }, 'exponential: mean must be a finite number > 0 (got 0)'],
  [{ exponential: { mean: Infinity } }, 'exponential: mean must be a finite number > 0 (got Infinity)'],
  [{ exponential: { rate: NaN } }, 'exponential: rate must be a finite number > 0 (got NaN)'],
  [{ exponential: { mean: '1' } }, 'exponential: mean must be a finite number > 0 (got "1")'],
  [{ constant: { value: NaN } }, 'constant: value must be a finite number (got NaN)'],
  [{ uniform: { min: 5, max: 3 } }, 'uniform: max must be a finite number >= min = 5 (got 3)'],
  [{ uniform: { min: -Infinity, max: 3 } }, 'uniform: min must be a finite number (got -Infinity)'],
  [{ normal: { mean: 1, sd: -1 } }, 'normal: sd must be a finite number >= 0 (got -1)'],
  [{ normal: { mean: NaN, sd: 1 } }, 'normal: mean must be a finite number (got NaN)'],
  [{ normal: { mean: -1, sd: 0 } }, 'normal: mean must be a finite number >= 0 when sd is 0 and truncate is true (got -1)'],
  [{ normal: { mean: 1, sd: 1, truncate: 'yes' } }, 'normal: truncate must be a boolean (got "yes")'],
  [{ lognormal: { mean: 1, cv: -0.5 } }, 'lognormal: cv must be a finite number >= 0 (got -0.5)'],
  [{ lognormal: { mean: 0, cv: 1 } }, 'lognormal: mean must be a finite number > 0 (got 0)'],
  [{ lognormal: { mu: 0, sigma: -1 } }, 'lognormal: sigma must be a finite number >= 0 (got -1)'],
  [{ lognormal: { mu: 0, sigma: 30 } }, 'lognormal: sigma must be small enough that the mean and variance are finite doubles (got 30)'],
  [{ gamma: { shape: 0, scale: 1 } }, 'gamma: shape must be a finite number > 0 (got 0)'],
  [{ gamma: { shape: 1, scale: -1 } }, 'gamma: scale must be a finite number > 0 (got -1)'],
  [{ gamma: { mean: 1, cv: 0 } }, 'gamma: cv must be a finite number > 0 (got 0)'],
  [{ gamma: { mean: -1, cv: 1 } }, 'gamma: mean must be a finite number > 0 (got -1)'],
  [{ erlang: { k: 2.5, mean: 1 } }, 'erlang: k must be an integer >= 1 (got 2.5)'],
  [{ erlang: { k: 0, mean: 1 } }, 'erlang: k must be an integer >= 1 (got 0)'],
  [{ erlang: { k: 2, mean: 0 } }, 'erlang: mean must be a finite number > 0 (got 0)'],
  [{ weibull: { shape: -1, scale: 1 } }, 'weibull: shape must be a finite number > 0 (got -1)'],
  [{ weibull: { shape: 1, scale: 0 } }, 'weibull: scale must be a finite number > 0 (got 0)'],
  [{ pareto: { alpha: 0, xm: 1 } }, 'pareto: alpha must be a finite number > 0 (got 0)'],
  [{ pareto: { alpha: 1, xm: -1 } }, 'pareto: xm must be a finite number > 0 (got -1)'],
  [{ pareto: { alpha: 0.01, xm: 1 } }, 'pareto: alpha must be large enough that the largest draw, xm·2^(53/alpha), is finite (xm = 1) (got 0.01)'],
  [{ empirical: { samples: [] } }, 'empirical: samples must be a non-empty array of finite numbers (got [])'],
  [{ empirical: { samples: [1, NaN] } }, 'empirical: samples[1] must be a finite number (got NaN)'],
  [{ empirical: { samples: [1], interpolate: 1 } }, 'empirical: interpolate must be a boolean (got 1)'],
  [{ empirical: { edges: [0, 1, 2], weights: [0, 0] } }, 'empirical: weights must be an array with a finite sum > 0 (got [0, 0])'],
  [{ empirical: { edges: [0, 1], weights: [1, 1] } }, 'empirical: edges must be an array of weights.length + 1 = 3 numbers (got [0, 1])'],
  [{ empirical: { edges: [0, 2, 1], weights: [1, 1] } }, 'empirical: edges[2] must be a number > edges[1] = 2 (edges must increase strictly) (got 1)'],
  [{ empirical: { edges: [0, 1], weights: [-1] } }, 'empirical: weights[0] must be a finite number >= 0 (got -1)'],
  [{ empirical: { edges: [0, Infinity], weights: [1] } }, 'empirical: edges[1] must be a finite number (got Infinity)'],
  [{ mixture: { components: [] } }, 'mixture: components must be a non-empty array of {weight, dist} (got [])'],
  [{ mixture: { components: [{ weight: 0, dist: { constant: { value: 1 } } }] } }, 'mixture: components[*].weight must be numbers with a finite sum > 0 (got [0])'],
  [{ mixture: { components: [{ weight: -1, dist: { constant: { value: 1 } } }] } }, 'mixture: components[0].weight must be a finite number >= 0 (got -1)'],
  [{ mixture: { components: [{ weight: 1, dist: { exponential: { mean: -1 } } }] } }, 'exponential: mean must be a finite number > 0 (got -1)'],
  [{ bernoulli: { p: 1.5 } }, 'bernoulli: p must be a number in [0, 1] (got 1.5)'],
  [{ bernoulli: { p: -0.1 } }, 'bernoulli: p must be a number in [0, 1] (got -0.1)'],
  [{ uniform_int: { min: 1.5, max: 3 } }, 'uniform_int: min must be a safe integer (got 1.5)'],
  [{ uniform_int: { min: 5, max: 3 } }, 'uniform_int: max must be a safe integer >= min = 5 (got 3)'],
  [{ zipf: { s: 0, n: 10 } }, 'zipf: s must be a finite number > 0 (got 0)'],
  [{ zipf: { s: -1, n: 10 } }, 'zipf: s must be a finite number > 0 (got -1)'],
  [{ zipf: { s: 1, n: 0 } }, 'zipf: n must be an integer >= 1 and <= 1e12 (got 0)'],
  [{ zipf: { s: 1, n: 2.5 } }, 'zipf: n must be an integer >= 1 and <= 1e12 (got 2.5)'],
  [{ zipf: { s: 1, n: Infinity } }, 'zipf: n must be an integer >= 1 and <= 1e12 (got Infinity)'],
  [{ hotset: { n: 0, hot_fraction: 0.2, hot_weight: 0.8 } }, 'hotset: n must be an integer >= 1 (got 0)'],
  [{ hotset: { n: 10, hot_fraction: 1, hot_weight: 0.8 } }, 'hotset: hot_fraction must be a number in (0, 1) (got 1)'],
  [{ hotset: { n: 10, hot_fraction: 0.2, hot_weight: 2 } }, 'hotset: hot_weight must be a number in [0, 1] (got 2)'],
  [{ exponential: { mean: 1, rate: 2 } }, 'exponential: parameters must be {mean} or {rate} (got ["mean", "rate"])'],
  [{ exponential: {} }, 'exponential: parameters must be {mean} or {rate} (got [])'],
  [{ normal: { mean: 1 } }, 'normal: parameters must be {mean, sd, truncate?} (got ["mean"])'],
  [{ gamma: { shape: 1, cv: 1 } }, 'gamma: parameters must be {shape, scale} or {mean, cv} (got ["shape", "cv"])'],
  [{ exponential: 3 }, 'exponential: parameters must be an object (got 3)'],
  [{ foo: {} }, 'distribution: kind must be a single key, one of constant, uniform, exponential, normal, lognormal, gamma, erlang, weibull, pareto, empirical, mixture, bernoulli, uniform_int, zipf, hotset (got "foo")'],
  [{ constant: { value: 1 }, uniform: { min: 0, max: 1 } }, 'distribution: kind must be a single key, one of constant, uniform, exponential, normal, lognormal, gamma, erlang, weibull, pareto, empirical, mixture, bernoulli, uniform_int, zipf, hotset (got {"constant":{"value":1},"uniform":{"min":0,"max":1}})'],
];

describe('bad parameters', () => {
  it.each(BAD)('%j → %s', (s, message) => {
    let caught: unknown;
    try {
      fromSpec(spec(s));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DistributionError);
    expect((caught as Error).message).toBe(message);
  });

  it('carry the distribution, parameter, value and allowed range as fields', () => {
    try {
      fromSpec({ exponential: { mean: -2 } });
      expect.unreachable();
    } catch (e) {
      const err = e as DistributionError;
      expect([err.name, err.distribution, err.param, err.value, err.allowed]).toEqual(['DistributionError', 'exponential', 'mean', -2, 'a finite number > 0']);
      expect(err).toBeInstanceOf(Error);
    }
  });
});
