import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/engine/types.js';
import { md1, mg1, mg1FromDistribution, mg1IsStable } from '../../src/analytic/mg1.js';
import { mm1 } from '../../src/analytic/mm1.js';
import { expectRel } from './helpers.js';

const fixed = (kind: string, mean: number, variance: number): Distribution =>
  ({ kind, mean, variance, sample: () => mean });

describe('mg1: Pollaczek–Khinchine special cases', () => {
  it.each([0.1, 0.5, 0.9])('scv = 1 is M/M/1 (ρ = %d)', (rho) => {
    const a = mg1({ lambda: rho * 5, meanService: 0.2, scv: 1 });
    const b = mm1({ lambda: rho * 5, mu: 5 });
    for (const k of ['rho', 'pWait', 'L', 'Lq', 'W', 'Wq'] as const) expectRel(a[k], b[k], 1e-12);
  });

  it('M/D/1 waits half as long as M/M/1: Wq = ρ/(2μ(1 − ρ))', () => {
    const r = md1(0.8, 1);
    expectRel(r.Wq, 0.8 / (2 * 0.2));
    expectRel(r.W, 3);
    expectRel(r.Lq, 1.6);
    expectRel(r.L, 2.4);
    expectRel(r.secondMoment, 1);
  });

  it('takes the variance directly: E[S] = 2, Var = 12, λ = 0.25', () => {
    // ρ = 0.5, E[S²] = 16, Wq = 0.25·16 / (2·0.5) = 4.
    const r = mg1({ lambda: 0.25, meanService: 2, variance: 12 });
    expectRel(r.Wq, 4);
    expectRel(r.W, 6);
    expectRel(r.L, 1.5);
    expect(mg1({ lambda: 0.25, meanService: 2, scv: 3 })).toEqual(r);
  });

  it('reads an engine distribution', () => {
    const r = mg1FromDistribution(0.25, fixed('test', 2, 12));
    expectRel(r.Wq, 4);
  });

  it('gives Infinity, not NaN, for infinite service variance', () => {
    const r = mg1FromDistribution(0.1, fixed('pareto', 2, Infinity));
    expect(r.Wq).toBe(Infinity);
    expect(r.L).toBe(Infinity);
    expect(mg1({ lambda: 0, meanService: 2, variance: Infinity }).Wq).toBe(0);
  });
});

describe('mg1: bad input', () => {
  it('reports stability without throwing', () => {
    expect(mg1IsStable({ lambda: 0.4, meanService: 2, scv: 1 })).toBe(true);
    expect(mg1IsStable({ lambda: 0.5, meanService: 2, scv: 1 })).toBe(false);
  });

  it('names the parameter, the value and what is allowed', () => {
    expect(() => mg1({ lambda: 1, meanService: 1 })).toThrow(
      new RangeError('mg1: give exactly one of service variance or scv (got variance undefined, scv undefined)'));
    expect(() => mg1({ lambda: 1, meanService: 1, scv: 1, variance: 1 })).toThrow(
      new RangeError('mg1: give exactly one of service variance or scv (got variance 1, scv 1)'));
    expect(() => mg1({ lambda: 0.5, meanService: 1, variance: -2 })).toThrow(
      new RangeError('mg1: service variance must be a number >= 0 or Infinity (got -2)'));
    expect(() => mg1({ lambda: 0.5, meanService: 0, scv: 1 })).toThrow(
      new RangeError('mg1: mean service time E[S] must be a finite number > 0 (got 0)'));
    expect(() => md1(1.05, 1)).toThrow(
      new RangeError('mg1: unstable: utilisation ρ = 1.05 >= 1; add servers or lower the arrival rate'));
  });
});
