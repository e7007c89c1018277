import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../src/analytic/erlang.js';
import { expectRel } from './helpers.js';

// Reference values computed in exact rational arithmetic from the textbook sums
// C = (a^c/c!·c/(c−a)) / (Σ_{k<c} a^k/k! + a^c/c!·c/(c−a)).
const erlangCTable: [number, number, number][] = [
  [3, 2.5, 0.702247191011236],
  [10, 8, 0.40918015079644354],
  [50, 45, 0.3638644672069884],
  [100, 90, 0.2169404809063664],
  [1000, 950, 0.06825341537714143],
];

describe('erlangB', () => {
  it('matches the closed forms at small c', () => {
    expect(erlangB(0, 5)).toBe(1);
    expectRel(erlangB(1, 2), 2 / 3);
    expectRel(erlangB(2, 1.5), 0.9 / 2.9);
    expectRel(erlangB(10, 8), 0.1216610642529515);
  });

  it('stays finite and exact where a^c/c! overflows (c = 1000, a = 950)', () => {
    expectRel(erlangB(1000, 950), 0.0036492936889424097, 1e-11);
  });

  it('is 0 with no offered load', () => {
    expect(erlangB(5, 0)).toBe(0);
  });
});

describe('erlangC', () => {
  it.each(erlangCTable)('c = %d, a = %d', (c, a, expected) => {
    expectRel(erlangC(c, a), expected, 1e-11);
  });

  it('rejects bad input with the parameter named', () => {
    expect(() => erlangC(0, 1)).toThrow(new RangeError('erlangC: servers c must be an integer >= 1 (got 0)'));
    expect(() => erlangC(2.5, 1)).toThrow(new RangeError('erlangC: servers c must be an integer >= 1 (got 2.5)'));
    expect(() => erlangB(2, -1)).toThrow(new RangeError('erlangB: offered load a must be a finite number >= 0 (got -1)'));
    expect(() => erlangC(2, 2)).toThrow(
      new RangeError('erlangC: unstable: utilisation ρ = 1 >= 1; add servers or lower the arrival rate'));
  });
});
