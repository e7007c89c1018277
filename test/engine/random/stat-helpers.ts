/**
 * Statistical checks shared by the distribution tests: draw many samples, compare sample
 * moments with exact ones within z standard errors, Kolmogorov–Smirnov and chi-square
 * statistics, and exact CDFs computed independently of the samplers.
 */
import { expect } from 'vitest';
import type { Distribution, RandomStream } from '../../../src/engine/types.js';
import { logGamma } from '../../../src/engine/random/special.js';

export function draw(d: Distribution, rng: RandomStream, n: number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = d.sample(rng);
  return xs;
}

export interface SampleMoments {
  mean: number;
  variance: number;
  /** Standard error of the sample variance, from the sample fourth central moment. */
  varianceSe: number;
}

export function moments(xs: Float64Array): SampleMoments {
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let m2 = 0, m4 = 0;
  for (const x of xs) {
    const d2 = (x - mean) * (x - mean);
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  return { mean, variance: m2, varianceSe: Math.sqrt(Math.max(0, m4 - m2 * m2) / n) };
}

/** Sample mean within z·σ/√n of the exact mean, and sample variance within z of its SE. */
export function expectMoments(d: Distribution, xs: Float64Array, z = 5, checkVariance = true): void {
  const m = moments(xs);
  const se = Math.sqrt(d.variance / xs.length);
  expect(Math.abs(m.mean - d.mean), `mean ${m.mean} vs exact ${d.mean} (se ${se})`).toBeLessThanOrEqual(z * se + 1e-12 * Math.abs(d.mean));
  if (checkVariance) {
    expect(Math.abs(m.variance - d.variance), `variance ${m.variance} vs exact ${d.variance} (se ${m.varianceSe})`)
      .toBeLessThanOrEqual(z * m.varianceSe + 1e-12 * d.variance);
  }
}

/** √n·D for the KS statistic D of xs against `cdf`; < 1.95 at the 0.1% level. */
export function ksScaled(xs: Float64Array, cdf: (x: number) => number): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(s[i]!);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return Math.sqrt(n) * d;
}

export const KS_CRITICAL_0_001 = 1.95;

/** Pearson chi-square of observed counts against expected probabilities. */
export function chiSquare(counts: readonly number[], probs: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  let x = 0;
  counts.forEach((c, i) => {
    const e = n * probs[i]!;
    x += ((c - e) * (c - e)) / e;
  });
  return x;
}

/** Upper 0.1% points of chi-square by degrees of freedom. */
export const CHI2_0_001: Record<number, number> = { 1: 10.83, 2: 13.82, 3: 16.27, 4: 18.47, 9: 27.88, 19: 43.82, 99: 148.23 };

/** Regularised lower incomplete gamma P(a, x): series below a + 1, continued fraction above. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a, sum = term;
    for (let n = 1; n < 10_000 && term > sum * 1e-17; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** [smallest, largest] of xs (spread syntax overflows the stack at this size). */
export function range(xs: Float64Array): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
