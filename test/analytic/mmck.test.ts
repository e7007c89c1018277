import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/erlang.js';
import { mmc } from '../../src/analytic/mmc.js';
import { mmck, mmckDistribution } from '../../src/analytic/mmck.js';
import { expectRel } from './helpers.js';

/** M/M/1/K closed form: p_n = (1 − ρ)ρ^n / (1 − ρ^(K+1)), for ρ ≠ 1. */
function mm1k(rho: number, K: number): { p: number[]; L: number } {
  const norm = (1 - rho) / (1 - rho ** (K + 1));
  const p = Array.from({ length: K + 1 }, (_, n) => norm * rho ** n);
  const L = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
  return { p, L };
}

describe('mmck: M/M/1/K against its closed form', () => {
  it.each([[0.8, 5], [2, 3], [0.3, 10]])('ρ = %d, K = %d', (rho, K) => {
    const mu = 2;
    const ref = mm1k(rho, K);
    const r = mmck({ lambda: rho * mu, mu, c: 1, K });
    mmckDistribution({ lambda: rho * mu, mu, c: 1, K }).forEach((p, n) => expectRel(p, ref.p[n] as number, 1e-12));
    expectRel(r.pBlock, ref.p[K] as number, 1e-12);
    expectRel(r.L, ref.L, 1e-12);
    expectRel(r.Lq, ref.L - (1 - (ref.p[0] as number)), 1e-12);
    expectRel(r.lambdaEff, rho * mu * (1 - (ref.p[K] as number)), 1e-12);
    expectRel(r.W, r.L / r.lambdaEff, 1e-12);
    expectRel(r.pWait, (1 - (ref.p[0] as number) - (ref.p[K] as number)) / (1 - (ref.p[K] as number)), 1e-12);
  });

  it('is uniform when λ = μ', () => {
    const r = mmck({ lambda: 1, mu: 1, c: 1, K: 4 });
    expectRel(r.pBlock, 0.2);
    expectRel(r.L, 2);
  });
});

describe('mmck: limits', () => {
  it('matches M/M/c when K is large', () => {
    const a = mmck({ lambda: 1.5, mu: 1, c: 2, K: 500 });
    const b = mmc({ lambda: 1.5, mu: 1, c: 2 });
    expect(a.pBlock).toBeLessThan(1e-60);
    for (const k of ['pWait', 'L', 'Lq', 'W', 'Wq'] as const) expectRel(a[k], b[k], 1e-12);
  });

  it('is the Erlang loss system when K = c', () => {
    const r = mmck({ lambda: 8, mu: 1, c: 10, K: 10 });
    expectRel(r.pBlock, erlangB(10, 8), 1e-12);
    expect(r.pWait).toBe(0);
    expect(r.Wq).toBe(0);
    expectRel(r.W, 1, 1e-12);
  });

  it('is empty with no arrivals, without NaN', () => {
    expect(mmck({ lambda: 0, mu: 4, c: 2, K: 5 })).toEqual({
      rho: 0, pBlock: 0, lambdaEff: 0, utilisation: 0, pWait: 0, L: 0, Lq: 0, W: 0.25, Wq: 0,
    });
  });
});

describe('mmck: exact rational references', () => {
  it('c = 2, K = 6, λ = 3, μ = 1 (overloaded, ρ = 1.5)', () => {
    const r = mmck({ lambda: 3, mu: 1, c: 2, K: 6 });
    expectRel(r.pBlock, 0.35964479526393683, 1e-12);
    expectRel(r.L, 4.505180069067587, 1e-12);
    expectRel(r.Lq, 2.584114454859398, 1e-12);
    expectRel(r.pWait, 0.901386748844376, 1e-12);
    expectRel(r.W, 2.3451463790446843, 1e-12);
    expectRel(r.Wq, 1.345146379044684, 1e-12);
  });

  it('c = 1000, K = 1200, a = 1100 (where a^n/n! overflows)', () => {
    const r = mmck({ lambda: 1100, mu: 1, c: 1000, K: 1200 });
    expectRel(r.pBlock, 0.09090909094654327, 1e-10);
    expectRel(r.L, 1190.0000000897357, 1e-11);
    expectRel(r.Lq, 190.00000013093327, 1e-10);
    expectRel(r.pWait, 0.9999999951873905, 1e-12);
    expectRel(r.Wq, 0.1900000001387608, 1e-10);
    const total = mmckDistribution({ lambda: 1100, mu: 1, c: 1000, K: 1200 }).reduce((s, p) => s + p, 0);
    expectRel(total, 1, 1e-12);
  });
});

describe('mmck: bad input', () => {
  it('names the parameter, the value and what is allowed', () => {
    expect(() => mmck({ lambda: 1, mu: 1, c: 2, K: 1 })).toThrow(new RangeError('mmck: capacity K must be an integer >= 2 (got 1)'));
    expect(() => mmck({ lambda: 1, mu: 1, c: -1, K: 1 })).toThrow(new RangeError('mmck: servers c must be an integer >= 1 (got -1)'));
    expect(() => mmck({ lambda: 1e300, mu: 1e-300, c: 1, K: 1 })).toThrow(
      new RangeError('mmck: offered load λ/μ must be finite (got Infinity)'));
  });
});
