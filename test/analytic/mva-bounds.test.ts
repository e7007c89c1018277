import { describe, expect, it } from 'vitest';
import { mva, type MvaParams } from '../../src/analytic/mva.js';
import { mvaBounds } from '../../src/analytic/mva-bounds.js';
import { expectRel } from './helpers.js';

const net = (N: number): MvaParams => ({
  N, Z: 2,
  stations: [
    { kind: 'queue', name: 'app', demand: 0.8, servers: 4 },
    { kind: 'queue', name: 'db', demand: 0.25 },
    { kind: 'delay', name: 'net', demand: 0.05 },
  ],
});

describe('mvaBounds', () => {
  it('computes D, Dmax, N* and the two asymptotes', () => {
    const b = mvaBounds(net(30));
    expectRel(b.D, 1.1);
    expectRel(b.Dmax, 0.25); // db: 0.25 per server beats app's 0.8/4 = 0.2
    expect(b.bottleneck?.name).toBe('db');
    expectRel(b.Nstar, 3.1 / 0.25);
    expectRel(b.throughputUpper, 4);
    expectRel(b.responseLower, 30 * 0.25 - 2);
    expectRel(mvaBounds(net(5)).throughputUpper, 5 / 3.1);
    expectRel(mvaBounds(net(5)).responseLower, 1.1);
  });

  it('bounds the exact MVA solution at every population', () => {
    const r = mva(net(60));
    r.byPopulation.X.forEach((x, i) => {
      const b = mvaBounds(net(i + 1));
      expect(x).toBeLessThanOrEqual(b.throughputUpper * (1 + 1e-12));
      expect(r.byPopulation.R[i] as number).toBeGreaterThanOrEqual(b.responseLower * (1 - 1e-12));
    });
  });

  it('works where exact MVA would be too costly', () => {
    const b = mvaBounds({ N: 100000, Z: 1, stations: [{ kind: 'queue', demand: 1, servers: 5000 }] });
    expectRel(b.throughputUpper, 5000);
  });

  it('has no throughput ceiling when there are only delays', () => {
    const b = mvaBounds({ N: 10, Z: 1, stations: [{ kind: 'delay', demand: 1 }] });
    expect(b.Dmax).toBe(0);
    expect(b.Nstar).toBe(Infinity);
    expectRel(b.throughputUpper, 5);
  });
});
