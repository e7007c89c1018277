import { describe, expect, it } from 'vitest';
import { mm1, mm1SojournQuantile } from '../../src/analytic/mm1.js';
import {
  mmc, mmcIsStable, mmcSojournQuantile, mmcSojournTail, mmcWaitQuantile, mmcWaitTail,
} from '../../src/analytic/mmc.js';
import { expectRel } from './helpers.js';

describe('mmc: two servers at λ = 1.5, μ = 1 (ρ = 0.75)', () => {
  const q = { lambda: 1.5, mu: 1, c: 2 };

  it('gives the hand-computed values (P0 = 1/7)', () => {
    const r = mmc(q);
    expectRel(r.a, 1.5);
    expectRel(r.rho, 0.75);
    expectRel(r.pWait, 9 / 14);
    expectRel(r.Lq, 27 / 14);
    expectRel(r.L, 24 / 7);
    expectRel(r.Wq, 9 / 7);
    expectRel(r.W, 16 / 7);
  });

  it('has the exponential wait tail C·exp(−(cμ − λ)t) and its inverse', () => {
    expectRel(mmcWaitTail(q, 0), 9 / 14);
    expectRel(mmcWaitTail(q, 1), (9 / 14) * Math.exp(-0.5));
    expect(mmcWaitQuantile(q, 0.3)).toBe(0);
    expectRel(mmcWaitQuantile(q, 0.9), Math.log(9 / 1.4) / 0.5);
  });
});

describe('mmc: agrees with the closed forms at small c', () => {
  it.each([0.1, 0.5, 0.9, 0.99])('c = 1 is M/M/1 at λ = %d', (lambda) => {
    const a = mmc({ lambda, mu: 1, c: 1 });
    const b = mm1({ lambda, mu: 1 });
    for (const k of ['pWait', 'L', 'Lq', 'W', 'Wq'] as const) expectRel(a[k], b[k], 1e-12);
  });

  it.each([0.2, 0.75, 0.95])('c = 2 at ρ = %d: C = 2ρ²/(1 + ρ), Wq = ρ²/(μ(1 − ρ²))', (rho) => {
    const mu = 3;
    const r = mmc({ lambda: 2 * mu * rho, mu, c: 2 });
    expectRel(r.pWait, (2 * rho * rho) / (1 + rho));
    expectRel(r.Wq, (rho * rho) / (mu * (1 - rho * rho)), 1e-12);
  });
});

describe('mmc: large systems stay finite and exact', () => {
  it('c = 1000 at ρ = 0.95 matches exact rational arithmetic', () => {
    const r = mmc({ lambda: 950, mu: 1, c: 1000 });
    const C = 0.06825341537714143;
    expectRel(r.pWait, C, 1e-11);
    expectRel(r.Lq, (C * 0.95) / 0.05, 1e-11);
    expectRel(r.Wq, C / 50, 1e-11);
    expectRel(r.W, 1 + C / 50, 1e-12);
  });

  it('c = 1000 at ρ = 0.9999 gives sensible numbers', () => {
    const r = mmc({ lambda: 999.9, mu: 1, c: 1000 });
    for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
    expect(r.pWait).toBeGreaterThan(0.9);
    expect(r.pWait).toBeLessThan(1);
    expectRel(r.L, r.Lq + 999.9, 1e-12);
  });
});

describe('mmc: sojourn time (wait + own service)', () => {
  it('is Exp(μ − λ) when c = 1', () => {
    const q = { lambda: 0.5, mu: 1, c: 1 };
    expectRel(mmcSojournTail(q, 3), Math.exp(-1.5));
    expectRel(mmcSojournQuantile(q, 0.95), mm1SojournQuantile({ lambda: 0.5, mu: 1 }, 0.95), 1e-12);
  });

  it('is right where the drain rate cμ − λ equals μ (the 0/0 case)', () => {
    const q = { lambda: 1, mu: 1, c: 2 };
    // C = 2ρ²/(1 + ρ) = 1/3 at ρ = 0.5, and the hypoexponential tail becomes (1 + μt)e^−μt.
    expectRel(mmcSojournTail(q, 2), Math.exp(-2) * (1 + 2 / 3));
  });

  it('integrates to the mean sojourn W', () => {
    const q = { lambda: 7, mu: 1, c: 8 };
    const h = 1e-3;
    let area = 0;
    // Simpson's rule on [0, 60]; the tail beyond is below e^−60.
    for (let i = 0; i < 60000; i += 2) {
      area += (h / 3) * (mmcSojournTail(q, i * h) + 4 * mmcSojournTail(q, (i + 1) * h) + mmcSojournTail(q, (i + 2) * h));
    }
    expectRel(area, mmc(q).W, 1e-9);
  });

  it('has quantiles that invert the tail', () => {
    const q = { lambda: 18, mu: 2, c: 10 };
    for (const p of [0, 0.5, 0.9, 0.999]) {
      const t = mmcSojournQuantile(q, p);
      expectRel(mmcSojournTail(q, t), 1 - p, 1e-12);
    }
  });
});

describe('mmc: bad input', () => {
  it('reports stability without throwing', () => {
    expect(mmcIsStable({ lambda: 1.9, mu: 1, c: 2 })).toBe(true);
    expect(mmcIsStable({ lambda: 2, mu: 1, c: 2 })).toBe(false);
  });

  it('names the parameter, the value and what is allowed', () => {
    expect(() => mmc({ lambda: 1, mu: 1, c: 0 })).toThrow(new RangeError('mmc: servers c must be an integer >= 1 (got 0)'));
    expect(() => mmc({ lambda: 1, mu: Infinity, c: 1 })).toThrow(
      new RangeError('mmc: service rate μ must be a finite number > 0 (got Infinity)'));
    expect(() => mmc({ lambda: 2.1, mu: 1, c: 2 })).toThrow(
      new RangeError('mmc: unstable: utilisation ρ = 1.05 >= 1; add servers or lower the arrival rate'));
    expect(() => mmcSojournQuantile({ lambda: 1, mu: 1, c: 2 }, -0.1)).toThrow(
      new RangeError('mmc: probability p must be a number in [0, 1) (got -0.1)'));
  });
});
