/**
 * Distributions in YAML → the engine's DistributionSpec (times in seconds), with the
 * engine's own parameter checks reported as SIM_E_BAD_DISTRIBUTION at file:line:col.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DISTRIBUTION_KINDS } from '../../../src/engine/random/kinds.js';
import { fromSpec } from '../../../src/engine/random/spec.js';
import {
  keyDistribution, parseYamlText, timeDistribution, validateDocument, valueDistribution,
} from '../../../src/model/index.js';

const schemas = { time: timeDistribution(), value: valueDistribution(), key: keyDistribution() };
type Flavour = keyof typeof schemas;

function run(flavour: Flavour, yaml: string) {
  const loaded = parseYamlText(`d: ${yaml}\n`, 'm.yaml');
  if (!loaded.ok) throw loaded.errors;
  return validateDocument(z.strictObject({ d: schemas[flavour] }), loaded.value);
}

function spec(flavour: Flavour, yaml: string): unknown {
  const r = run(flavour, yaml);
  if (!r.ok) throw r.errors;
  return r.value.d;
}

function errors(flavour: Flavour, yaml: string): string {
  const r = run(flavour, yaml);
  if (r.ok) throw new Error(`expected errors for ${yaml}`);
  return r.errors.message;
}

describe('time distributions', () => {
  it.each([
    ['{ constant: 5ms }', { constant: { value: 0.005 } }],
    ['{ constant: { value: 2s } }', { constant: { value: 2 } }],
    ['{ uniform: { min: 1ms, max: 3ms } }', { uniform: { min: 0.001, max: 0.003 } }],
    ['{ exponential: { mean: 4ms } }', { exponential: { mean: 0.004 } }],
    ['{ exponential: { rate: 2k/s } }', { exponential: { rate: 2000 } }],
    ['{ normal: { mean: 10ms, sd: 2ms } }', { normal: { mean: 0.01, sd: 0.002 } }],
    ['{ normal: { mean: 10ms, sd: 2ms, truncate: true } }', { normal: { mean: 0.01, sd: 0.002, truncate: true } }],
    ['{ lognormal: { mean: 10ms, cv: 1.5 } }', { lognormal: { mean: 0.01, cv: 1.5 } }],
    ['{ lognormal: { mu: -4, sigma: 0.5 } }', { lognormal: { mu: -4, sigma: 0.5 } }],
    ['{ gamma: { shape: 2, scale: 5ms } }', { gamma: { shape: 2, scale: 0.005 } }],
    ['{ gamma: { mean: 10ms, cv: 0.5 } }', { gamma: { mean: 0.01, cv: 0.5 } }],
    ['{ erlang: { k: 3, mean: 9ms } }', { erlang: { k: 3, mean: 0.009 } }],
    ['{ weibull: { shape: 1.5, scale: 1s } }', { weibull: { shape: 1.5, scale: 1 } }],
    ['{ pareto: { alpha: 2.5, xm: 1ms } }', { pareto: { alpha: 2.5, xm: 0.001 } }],
    ['{ empirical: { samples: [1ms, 2ms, 5ms], interpolate: true } }', { empirical: { samples: [0.001, 0.002, 0.005], interpolate: true } }],
    ['{ empirical: { edges: [0ms, 1ms, 10ms], weights: [9, 1] } }', { empirical: { edges: [0, 0.001, 0.01], weights: [9, 1] } }],
    [
      '{ mixture: [ { weight: 0.9, dist: { constant: 1ms } }, { weight: 0.1, dist: { exponential: { mean: 50ms } } } ] }',
      { mixture: { components: [{ weight: 0.9, dist: { constant: { value: 0.001 } } }, { weight: 0.1, dist: { exponential: { mean: 0.05 } } }] } },
    ],
  ])('%s', (yaml, expected) => {
    const out = spec('time', yaml);
    expect(out).toEqual(expected);
    expect(() => fromSpec(out as never)).not.toThrow();
  });

  it('offers every continuous kind of the engine catalogue', () => {
    const json = JSON.stringify(errors('time', '{ nope: 1 }'));
    for (const k of DISTRIBUTION_KINDS.filter((k) => !['bernoulli', 'uniform_int', 'zipf', 'hotset'].includes(k.kind))) {
      expect(json).toContain(k.kind);
    }
  });
});

describe('value and key distributions', () => {
  it.each([
    ['{ bernoulli: { p: 0.1 } }', { bernoulli: { p: 0.1 } }],
    ['{ bernoulli: 10% }', { bernoulli: { p: 0.1 } }],
    ['{ uniform_int: { min: 1, max: 6 } }', { uniform_int: { min: 1, max: 6 } }],
    ['{ zipf: { s: 1.1, n: 1M } }', { zipf: { s: 1.1, n: 1e6 } }],
    ['{ hotset: { n: 1000, hot_fraction: 20%, hot_weight: 0.8 } }', { hotset: { n: 1000, hot_fraction: 0.2, hot_weight: 0.8 } }],
    ['{ exponential: { mean: 4 } }', { exponential: { mean: 4 } }],
    ['{ mixture: [ { weight: 1, dist: { constant: 3 } } ] }', { mixture: { components: [{ weight: 1, dist: { constant: { value: 3 } } }] } }],
  ])('value %s', (yaml, expected) => {
    expect(spec('value', yaml)).toEqual(expected);
  });

  it.each([
    ['{ uniform: { n: 100k } }', { uniform_int: { min: 1, max: 100_000 } }],
    ['{ zipf: { s: 0.8, n: 10 } }', { zipf: { s: 0.8, n: 10 } }],
    ['{ hotset: { n: 1M, hot_fraction: 20%, hot_weight: 80% } }', { hotset: { n: 1e6, hot_fraction: 0.2, hot_weight: 0.8 } }],
  ])('key %s', (yaml, expected) => {
    expect(spec('key', yaml)).toEqual(expected);
  });
});

describe('bad parameters are load-time errors at the parameter', () => {
  it('negative mean', () => {
    expect(errors('time', '{ exponential: { mean: -4ms } }')).toBe(
      'm.yaml:1:27 SIM_E_BAD_DISTRIBUTION at d.exponential.mean\n  exponential mean must be a finite number > 0\n  got: "-4ms"',
    );
  });

  it('cv < 0', () => {
    expect(errors('time', '{ lognormal: { mean: 10ms, cv: -1 } }')).toBe(
      'm.yaml:1:35 SIM_E_BAD_DISTRIBUTION at d.lognormal.cv\n  lognormal cv must be a finite number >= 0\n  got: -1',
    );
  });

  it('p > 1', () => {
    expect(errors('value', '{ bernoulli: { p: 1.5 } }')).toBe(
      'm.yaml:1:22 SIM_E_BAD_DISTRIBUTION at d.bernoulli.p\n  bernoulli p must be a number in [0, 1]\n  got: 1.5',
    );
    expect(errors('value', '{ bernoulli: 150% }')).toBe(
      'm.yaml:1:17 SIM_E_BAD_DISTRIBUTION at d.bernoulli\n  bernoulli p must be a number in [0, 1]\n  got: "150%"',
    );
  });

  it('parameters from two forms', () => {
    expect(errors('time', '{ lognormal: { mean: 10ms, sigma: 1 } }')).toBe([
      'm.yaml:1:17 SIM_E_BAD_DISTRIBUTION at d.lognormal',
      '  lognormal takes one of 2 parameter sets',
      '  expected mean and cv, or mu and sigma',
      '  got: parameters mean, sigma',
    ].join('\n'));
  });

  it('inside a mixture, at the component', () => {
    expect(errors('time', '{ mixture: [ { weight: 1, dist: { constant: 1ms } }, { weight: -1, dist: { constant: 2ms } } ] }'))
      .toBe('m.yaml:1:67 SIM_E_BAD_DISTRIBUTION at d.mixture[1].weight\n  mixture weight must be a finite number >= 0\n  got: -1');
    expect(errors('time', '{ mixture: [ { weight: 1, dist: { gamma: { shape: 0, scale: 1ms } } } ] }'))
      .toBe('m.yaml:1:54 SIM_E_BAD_DISTRIBUTION at d.mixture[0].dist.gamma.shape\n  gamma shape must be a finite number > 0\n  got: 0');
  });

  it('a duration distribution that can go negative', () => {
    expect(errors('time', '{ normal: { mean: 10ms, sd: 5ms, truncate: false } }')).toBe([
      'm.yaml:1:47 SIM_E_BAD_DISTRIBUTION at d.normal.truncate',
      '  a duration cannot be negative, but this normal can produce values below 0',
      '  got: false',
      '  hint: set `truncate: true` (or remove it)',
    ].join('\n'));
    expect(errors('time', '{ uniform: { min: -1ms, max: 1ms } }')).toMatch(/^m\.yaml:1:22 SIM_E_BAD_DISTRIBUTION at d\.uniform\.min\n/);
    // The same numbers are fine where negative values make sense.
    expect(spec('value', '{ uniform: { min: -1, max: 1 } }')).toEqual({ uniform: { min: -1, max: 1 } });
  });

  it('key space sizes', () => {
    expect(errors('key', '{ uniform: { n: 0 } }')).toBe('m.yaml:1:20 SIM_E_INVALID_VALUE at d.uniform.n\n  expected a whole number >= 1\n  got: 0');
    expect(errors('key', '{ zipf: { s: 1, n: 0 } }')).toBe('m.yaml:1:23 SIM_E_BAD_DISTRIBUTION at d.zipf.n\n  zipf n must be an integer >= 1 and <= 1e12\n  got: 0');
  });
});

describe('shape mistakes', () => {
  it('unknown kind, with the list and a suggestion', () => {
    expect(errors('time', '{ exponentail: { mean: 4ms } }')).toBe([
      'm.yaml:1:6 SIM_E_UNKNOWN_KIND at d.exponentail',
      '  unknown distribution `exponentail`',
      '  expected one of: constant, uniform, exponential, normal, lognormal, gamma, erlang, weibull, pareto, empirical, mixture',
      '  hint: did you mean `exponential`?',
    ].join('\n'));
  });

  it('a discrete kind where a duration is needed', () => {
    expect(errors('time', '{ zipf: { s: 1, n: 10 } }')).toMatch(/^m\.yaml:1:6 SIM_E_UNKNOWN_KIND at d\.zipf\n {2}unknown distribution `zipf`/);
  });

  it('two kinds at once, or none', () => {
    expect(errors('time', '{ constant: 1ms, exponential: { mean: 1ms } }')).toMatch(
      /^m\.yaml:1:4 SIM_E_INVALID_VALUE at d\n {2}a distribution has exactly one kind, found 2: constant, exponential\n/,
    );
    expect(errors('time', '{}')).toMatch(/^m\.yaml:1:4 SIM_E_INVALID_VALUE at d\n {2}a distribution needs one of its kinds as its key\n/);
  });

  it('a bare value where a distribution belongs', () => {
    expect(errors('time', '5ms')).toBe([
      'm.yaml:1:4 SIM_E_INVALID_TYPE at d',
      '  expected a distribution: a mapping with one key among: constant, uniform, exponential, normal, lognormal, gamma, erlang, weibull, pareto, empirical, mixture',
      '  got: "5ms"',
      '  hint: write it as a mapping, e.g. `{ exponential: { mean: 4ms } }`',
    ].join('\n'));
  });

  it('a missing or unknown parameter', () => {
    expect(errors('time', '{ uniform: { min: 1ms } }')).toMatch(/^m\.yaml:1:6 SIM_E_MISSING_FIELD at d\.uniform\.max\n/);
    expect(errors('time', '{ exponential: { mean: 1ms, mena: 2ms } }')).toMatch(/SIM_E_UNKNOWN_FIELD at d\.exponential\.mena\n {2}unknown field `mena`\n {2}expected one of: mean, rate\n/);
  });

  it('a time parameter without a unit', () => {
    expect(errors('time', '{ exponential: { mean: 4 } }')).toBe([
      'm.yaml:1:27 SIM_E_BAD_UNIT at d.exponential.mean',
      '  a bare number has no unit',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  got: 4',
      '  hint: write `4ms` or `0.004s`',
    ].join('\n'));
  });
});
