import { describe, expect, it } from 'vitest';
import {
  mm1, mm1IsStable, mm1SojournQuantile, mm1SojournTail, mm1WaitQuantile, mm1WaitTail,
} from '../../src/analytic/mm1.js';
import { expectRel } from './helpers.js';

describe('mm1: a single server at λ = 3, μ = 4 (ρ = 0.75)', () => {
  const q = { lambda: 3, mu: 4 };

  it('gives the textbook means', () => {
    const r = mm1(q);
    expectRel(r.rho, 0.75);
    expectRel(r.pWait, 0.75);
    expectRel(r.L, 3);
    expectRel(r.Lq, 2.25);
    expectRel(r.W, 1);
    expectRel(r.Wq, 0.75);
  });

  it('has an Exp(μ − λ) sojourn time', () => {
    expectRel(mm1SojournTail(q, 2), Math.exp(-2));
    expectRel(mm1SojournQuantile(q, 0.9), Math.log(10));
    expect(mm1SojournQuantile(q, 0)).toBe(0);
  });

  it('has an atom of 1 − ρ at zero wait and an exponential tail beyond', () => {
    expectRel(mm1WaitTail(q, 0), 0.75);
    expectRel(mm1WaitTail(q, 1), 0.75 * Math.exp(-1));
    expect(mm1WaitQuantile(q, 0.25)).toBe(0);
    expectRel(mm1WaitQuantile(q, 0.9), Math.log(7.5));
    expectRel(mm1WaitTail(q, mm1WaitQuantile(q, 0.99)), 0.01);
  });

  it('is empty with no arrivals, without NaN', () => {
    expect(mm1({ lambda: 0, mu: 2 })).toEqual({ rho: 0, pWait: 0, L: 0, Lq: 0, W: 0.5, Wq: 0 });
    expect(mm1WaitQuantile({ lambda: 0, mu: 2 }, 0.99)).toBe(0);
  });
});

describe('mm1: bad input', () => {
  it('reports stability without throwing', () => {
    expect(mm1IsStable({ lambda: 3, mu: 4 })).toBe(true);
    expect(mm1IsStable({ lambda: 4, mu: 4 })).toBe(false);
  });

  it('names the parameter, the value and what is allowed', () => {
    expect(() => mm1({ lambda: -1, mu: 1 })).toThrow(new RangeError('mm1: arrival rate λ must be a finite number >= 0 (got -1)'));
    expect(() => mm1({ lambda: 1, mu: 0 })).toThrow(new RangeError('mm1: service rate μ must be a finite number > 0 (got 0)'));
    expect(() => mm1({ lambda: NaN, mu: 1 })).toThrow(new RangeError('mm1: arrival rate λ must be a finite number >= 0 (got NaN)'));
    expect(() => mm1({ lambda: 4.2, mu: 4 })).toThrow(
      new RangeError('mm1: unstable: utilisation ρ = 1.05 >= 1; add servers or lower the arrival rate'));
    expect(() => mm1SojournQuantile({ lambda: 1, mu: 2 }, 1)).toThrow(
      new RangeError('mm1: probability p must be a number in [0, 1) (got 1)'));
    expect(() => mm1WaitTail({ lambda: 1, mu: 2 }, -1)).toThrow(
      new RangeError('mm1: time t must be a finite number >= 0 (got -1)'));
  });
});
