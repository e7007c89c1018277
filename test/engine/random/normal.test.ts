/**
 * Normal, normal truncated at zero, lognormal. The truncated moments are checked against
 * closed forms and independent numerical integration, then against 200k draws; the draws
 * are KS-tested against exact CDFs, including the far-truncated case (mean = −4 sd).
 */
import { describe, expect, it } from 'vitest';
import { lognormal, lognormalMeanCv, normal, standardNormal } from '../../../src/engine/random/normal.js';
import { normalCdf, normalTail } from '../../../src/engine/random/special.js';
import { createStream } from '../../../src/engine/random/streams.js';
import { KS_CRITICAL_0_001, draw, expectMoments, ksScaled, range } from './stat-helpers.js';

const N = 200_000;

/** ∫_0^hi f by composite Simpson with 2·10^5 panels. */
function simpson(f: (x: number) => number, hi: number): number {
  const m = 200_000, h = hi / m;
  let s = f(0) + f(hi);
  for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return (s * h) / 3;
}

function truncatedMomentsByQuadrature(mu: number, sd: number): [number, number] {
  const pdf = (x: number) => Math.exp(-0.5 * ((x - mu) / sd) ** 2);
  const hi = Math.max(mu, 0) + 40 * sd;
  const z = simpson(pdf, hi);
  const mean = simpson((x) => x * pdf(x), hi) / z;
  return [mean, simpson((x) => (x - mean) ** 2 * pdf(x), hi) / z];
}

describe('standardNormal (Leva)', () => {
  it('matches Φ by KS and has mean 0, variance 1', () => {
    const rng = createStream(1, 'z');
    const xs = Float64Array.from({ length: N }, () => standardNormal(rng));
    expectMoments({ kind: 'z', mean: 0, variance: 1, sample: () => 0 }, xs);
    expect(ksScaled(xs, normalCdf)).toBeLessThan(KS_CRITICAL_0_001);
  });
});

describe('normal', () => {
  it('untruncated: moments, KS, negative draws allowed', () => {
    const d = normal(1, 2, false);
    expect([d.mean, d.variance, d.min]).toEqual([1, 4, -Infinity]);
    const xs = draw(d, createStream(1, 'n'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => normalCdf((x - 1) / 2))).toBeLessThan(KS_CRITICAL_0_001);
    expect(range(xs)[0]).toBeLessThan(0);
  });

  it('truncated at mean 0 is half-normal: mean σ√(2/π), variance σ²(1 − 2/π)', () => {
    const d = normal(0, 3, true);
    expect(d.mean).toBeCloseTo(3 * Math.sqrt(2 / Math.PI), 14);
    expect(d.variance).toBeCloseTo(9 * (1 - 2 / Math.PI), 13);
  });

  it.each([[2, 1], [0.5, 1], [-1, 1], [-4, 1], [-30, 2]])('truncated mean %d sd %d: exact moments equal quadrature', (mu, sd) => {
    const d = normal(mu, sd, true);
    const [mean, variance] = truncatedMomentsByQuadrature(mu, sd);
    expect(Math.abs(d.mean - mean) / mean).toBeLessThan(1e-9);
    expect(Math.abs(d.variance - variance) / variance).toBeLessThan(1e-8);
  });

  it.each([[0.5, 1], [-1, 1], [-4, 1]])('truncated mean %d sd %d: draws match moments and CDF, all >= 0', (mu, sd) => {
    const d = normal(mu, sd, true);
    const xs = draw(d, createStream(2, `tn-${mu}`), N);
    expectMoments(d, xs);
    const qa = normalTail(-mu / sd);
    expect(ksScaled(xs, (x) => 1 - normalTail((x - mu) / sd) / qa)).toBeLessThan(KS_CRITICAL_0_001);
    expect(range(xs)[0]).toBeGreaterThanOrEqual(0);
  });

  it('far truncation (mean = −1e6·sd) is ≈ exponential with mean sd/α, and samples it', () => {
    const d = normal(-1e6, 1, true);
    const a = 1e6;
    // E[Z − α | Z >= α] = 1/α − 2/α³ + …, Var = 1/α² − 6/α⁴ + … (Mills-ratio expansion)
    expect(Math.abs(d.mean / (1 / a - 2 / a ** 3) - 1)).toBeLessThan(1e-14);
    expect(Math.abs(d.variance / (1 / a ** 2 - 6 / a ** 4) - 1)).toBeLessThan(1e-14);
    expectMoments(d, draw(d, createStream(2, 'far'), N));
  });

  it('tiny sd next to the mean does not produce NaN moments', () => {
    const d = normal(1e-15, 5e-324, true);
    expect([d.mean, d.variance]).toEqual([1e-15, 0]);
  });

  it('sd 0 is the constant mean', () => {
    expect(normal(2, 0, true).sample(createStream(1, 'x'))).toBe(2);
    expect(normal(-2, 0, false).variance).toBe(0);
  });
});

describe('lognormal', () => {
  it('by (mu, sigma): moments and KS against Φ((ln x − mu)/sigma)', () => {
    const d = lognormal(-1, 0.5);
    expect(d.mean).toBeCloseTo(Math.exp(-1 + 0.125), 15);
    expect(d.variance).toBeCloseTo((Math.exp(0.25) - 1) * Math.exp(-2 + 0.25), 15);
    const xs = draw(d, createStream(3, 'ln'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => normalCdf((Math.log(x) + 1) / 0.5))).toBeLessThan(KS_CRITICAL_0_001);
  });

  it('by (mean, cv): reports exactly the mean and variance asked for, and samples them', () => {
    const d = lognormalMeanCv(0.2, 0.5);
    expect([d.mean, d.variance]).toEqual([0.2, (0.5 * 0.2) ** 2]);
    const s2 = Math.log(1.25);
    const xs = draw(d, createStream(3, 'ln-cv'), N);
    expectMoments(d, xs);
    expect(ksScaled(xs, (x) => normalCdf((Math.log(x) - (Math.log(0.2) - s2 / 2)) / Math.sqrt(s2)))).toBeLessThan(KS_CRITICAL_0_001);
  });
});
