/**
 * Properties (fast-check): for any valid spec, seed and stream name, draws are finite,
 * inside the reported support, integers when discrete, and the moments are never NaN;
 * for any numbers at all, fromSpec either builds such a distribution or throws a
 * DistributionError — nothing else, and never a NaN/Infinity draw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistributionError } from '../../../src/engine/random/errors.js';
import { DISTRIBUTION_KINDS } from '../../../src/engine/random/kinds.js';
import { fromSpec, type DistributionSpec } from '../../../src/engine/random/spec.js';
import { createStream } from '../../../src/engine/random/streams.js';

const real = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const pos = (min: number, max: number) => fc.double({ min, max, noNaN: true, minExcluded: min === 0 });
const finiteArray = fc.array(real(-1e6, 1e6), { minLength: 1, maxLength: 20 });

const simpleSpec: fc.Arbitrary<DistributionSpec> = fc.oneof(
  real(-1e6, 1e6).map((value) => ({ constant: { value } })),
  fc.tuple(real(-1e6, 1e6), real(-1e6, 1e6)).map(([a, b]) => ({ uniform: { min: Math.min(a, b), max: Math.max(a, b) } })),
  pos(1e-6, 1e6).map((mean) => ({ exponential: { mean } })),
  pos(1e-6, 1e6).map((rate) => ({ exponential: { rate } })),
  fc.record({ mean: real(-10, 10), sd: real(0, 10), truncate: fc.boolean() })
    .map((p) => ({ normal: p.sd === 0 && p.truncate ? { ...p, mean: Math.abs(p.mean) } : p })), // sd 0 needs mean >= 0
  fc.record({ mean: pos(1e-3, 1e3), cv: real(0, 5) }).map((p) => ({ lognormal: p })),
  fc.record({ mu: real(-5, 5), sigma: real(0, 3) }).map((p) => ({ lognormal: p })),
  fc.record({ shape: pos(1e-3, 100), scale: pos(1e-3, 100) }).map((p) => ({ gamma: p })),
  fc.record({ mean: pos(1e-3, 100), cv: pos(0.05, 5) }).map((p) => ({ gamma: p })),
  fc.record({ k: fc.integer({ min: 1, max: 50 }), mean: pos(1e-3, 100) }).map((p) => ({ erlang: p })),
  fc.record({ shape: pos(0.1, 10), scale: pos(1e-3, 100) }).map((p) => ({ weibull: p })),
  fc.record({ alpha: pos(0.1, 10), xm: pos(1e-3, 100) }).map((p) => ({ pareto: p })),
  fc.record({ samples: finiteArray, interpolate: fc.boolean() }).map((p) => ({ empirical: p })),
  fc.tuple(finiteArray, fc.array(real(0, 10), { minLength: 20, maxLength: 20 }), fc.nat(19)).map(([xs, ws, i]) => {
    const edges = [...new Set(xs)].sort((a, b) => a - b);
    const edgesOk = edges.length >= 2 ? edges : [0, 1];
    const weights = ws.slice(0, edgesOk.length - 1);
    weights[i % weights.length] = 1; // ensure a positive sum
    return { empirical: { edges: edgesOk, weights } };
  }),
  real(0, 1).map((p) => ({ bernoulli: { p } })),
  fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(1e9)).map(([min, w]) => ({ uniform_int: { min, max: min + w } })),
  fc.record({ s: pos(0.01, 5), n: fc.integer({ min: 1, max: 1e9 }) }).map((p) => ({ zipf: p })),
  fc.record({ n: fc.integer({ min: 1, max: 1e9 }), hot_fraction: pos(0.001, 0.999), hot_weight: real(0, 1) }).map((p) => ({ hotset: p })),
);

const anySpec: fc.Arbitrary<DistributionSpec> = fc.oneof(
  { weight: 5, arbitrary: simpleSpec },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ weight: pos(0.01, 10), dist: simpleSpec }), { minLength: 1, maxLength: 3 })
      .map((components) => ({ mixture: { components } })),
  },
);

function checkDraws(spec: DistributionSpec, seed: number, name: string): void {
  const d = fromSpec(spec);
  expect(Number.isNaN(d.mean) || Number.isNaN(d.variance)).toBe(false);
  expect(d.variance).toBeGreaterThanOrEqual(0);
  const rng = createStream(seed, name);
  for (let i = 0; i < 50; i++) {
    const x = d.sample(rng);
    if (!(Number.isFinite(x) && x >= d.min && x <= d.max && (!d.discrete || Number.isInteger(x)))) {
      throw new Error(`draw ${x} outside [${d.min}, ${d.max}] (discrete ${d.discrete}) for ${JSON.stringify(spec)}`);
    }
  }
}

describe('properties', () => {
  it('valid specs draw finite values inside their support, never NaN moments', () => {
    fc.assert(fc.property(anySpec, fc.integer(), fc.string(), checkDraws), { numRuns: 1500, seed: 20240501 });
  });

  it('any numbers either build a well-behaved distribution or throw DistributionError', () => {
    const wild = fc.oneof(
      fc.double(), fc.integer({ min: -5, max: 200 }), fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, 5e-324),
    );
    const wildSpec = fc.constantFrom(...DISTRIBUTION_KINDS.flatMap((k) => k.forms.map((f) => [k.kind, f] as const)))
      .chain(([kind, form]) => {
        const params = form.filter((p) => p.type === 'number' || p.type === 'integer');
        return fc.tuple(...params.map(() => wild)).map((vals) => ({ [kind]: Object.fromEntries(params.map((p, i) => [p.name, vals[i]])) }));
      })
      .filter((s) => Object.values(s)[0] !== undefined && Object.keys(Object.values(s)[0]!).length > 0);
    fc.assert(
      fc.property(wildSpec, (s) => {
        try {
          checkDraws(s as DistributionSpec, 1, 'wild');
        } catch (e) {
          if (!(e instanceof DistributionError)) throw e;
        }
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('same (seed, name) gives the same draws; streams never depend on each other', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.string(), fc.string(), (seed, a, b) => {
        fc.pre(!String(seed).includes('\u0000'));
        const s1 = createStream(seed, a);
        const first = [s1.next(), s1.next()];
        const s2 = createStream(seed, a);
        createStream(seed, b).next();
        expect([s2.next(), s2.next()]).toEqual(first);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
