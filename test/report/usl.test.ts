import { describe, expect, it } from 'vitest';
import { fitUsl, uslThroughput, type UslParams } from '../../src/report/usl.js';

const within = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

function synthetic(p: UslParams, ns: number[]) {
  return ns.map((n) => ({ n, x: uslThroughput(n, p) }));
}

describe('fitUsl recovers σ and κ from noiseless data', () => {
  it.each([
    { lambda: 1000, sigma: 0.05, kappa: 0.001, ns: [1, 2, 4, 8, 16, 32] },
    { lambda: 250, sigma: 0.2, kappa: 0.0005, ns: [1, 2, 3, 4, 6, 8] },
    { lambda: 90, sigma: 0.02, kappa: 0.02, ns: [1, 2, 4, 8, 12, 16] },
  ])('λ=$lambda σ=$sigma κ=$kappa', ({ ns, ...p }) => {
    const fit = fitUsl(synthetic(p, ns));
    within(fit.sigma, p.sigma, 0.05);
    within(fit.kappa, p.kappa, 0.05);
    within(fit.lambda, p.lambda, 0.01);
    expect(fit.rmsRelError).toBeLessThan(1e-6);
    within(fit.peakN!, Math.sqrt((1 - p.sigma) / p.kappa), 0.05);
  });

  it('without a measurement at N = 1 (λ must be inferred, not read off)', () => {
    const p = { lambda: 500, sigma: 0.08, kappa: 0.002 };
    const fit = fitUsl(synthetic(p, [2, 4, 8, 16, 24]));
    within(fit.sigma, p.sigma, 0.05);
    within(fit.kappa, p.kappa, 0.05);
    within(fit.lambda, p.lambda, 0.01);
  });

  it('linear scaling fits σ = κ = 0 and has no peak', () => {
    const fit = fitUsl([1, 2, 4, 8].map((n) => ({ n, x: 100 * n })));
    expect(fit.sigma).toBeLessThan(1e-6);
    expect(fit.kappa).toBeLessThan(1e-8);
    expect(fit.peakN === null || fit.peakN > 1e3).toBe(true);
  });

  it('Amdahl-only data (κ = 0) keeps κ at 0, never negative', () => {
    const fit = fitUsl(synthetic({ lambda: 300, sigma: 0.3, kappa: 0 }, [1, 2, 4, 8, 16]));
    within(fit.sigma, 0.3, 0.05);
    expect(fit.kappa).toBeGreaterThanOrEqual(0);
    expect(fit.kappa).toBeLessThan(1e-6);
  });

  it('stays close with 2% noise', () => {
    const p = { lambda: 1000, sigma: 0.05, kappa: 0.001 };
    const noise = [1.02, 0.98, 1.01, 0.99, 1.02, 0.985];
    const points = synthetic(p, [1, 2, 4, 8, 16, 32]).map((pt, i) => ({ n: pt.n, x: pt.x * noise[i]! }));
    const fit = fitUsl(points);
    within(fit.sigma, p.sigma, 0.5);
    within(fit.kappa, p.kappa, 0.5);
    expect(fit.rmsRelError).toBeLessThan(0.03);
  });
});

describe('fitUsl rejects data it cannot fit, naming the problem', () => {
  it('needs three distinct N', () => {
    expect(() => fitUsl([{ n: 1, x: 10 }, { n: 2, x: 19 }, { n: 2, x: 18 }])).toThrow(/at least 3 distinct n.*got 2/);
  });
  it('needs positive throughput and N >= 1', () => {
    expect(() => fitUsl([{ n: 1, x: 10 }, { n: 2, x: 0 }, { n: 3, x: 20 }])).toThrow(/x must be > 0, got 0 at n = 2/);
    expect(() => fitUsl([{ n: 0, x: 10 }, { n: 2, x: 5 }, { n: 3, x: 20 }])).toThrow(/n must be >= 1, got 0/);
    expect(() => fitUsl([{ n: 1, x: NaN }, { n: 2, x: 5 }, { n: 3, x: 20 }])).toThrow(/x must be > 0, got NaN/);
  });
});
