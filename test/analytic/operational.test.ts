import { describe, expect, it } from 'vitest';
import {
  bottleneck, forcedFlow, littleL, littleW, maxThroughput, responseTimeLaw, utilisationLaw,
} from '../../src/analytic/operational.js';
import { expectRel } from './helpers.js';

describe('operational laws', () => {
  it('utilisation, forced flow and Little', () => {
    expectRel(utilisationLaw(40, 0.015), 0.6);
    expectRel(forcedFlow(40, 2.5), 100);
    expectRel(littleL(40, 0.25), 10);
    expectRel(littleW(10, 40), 0.25);
    expectRel(responseTimeLaw(100, 40, 2), 0.5);
  });

  it('finds the bottleneck by demand per server', () => {
    const stations = [
      { name: 'app', demand: 0.08, servers: 8 },   // 0.01 per server
      { name: 'db', demand: 0.012 },                // 0.012
      { name: 'net', demand: 5, servers: Infinity },
    ];
    expect(bottleneck(stations)).toEqual({ index: 1, name: 'db', demandPerServer: 0.012 });
    expectRel(maxThroughput(stations), 1 / 0.012);
    expect(maxThroughput([{ demand: 1, servers: Infinity }])).toBe(Infinity);
  });

  it('names bad parameters', () => {
    expect(() => littleW(1, 0)).toThrow(new RangeError('operational: arrival rate λ must be a finite number > 0 (got 0)'));
    expect(() => utilisationLaw(-1, 1)).toThrow(new RangeError('operational: throughput X must be a finite number >= 0 (got -1)'));
    expect(() => bottleneck([{ name: 'db', demand: 1, servers: 0.5 }])).toThrow(
      new RangeError("operational: servers of 'db' must be >= 1 or Infinity (got 0.5)"));
    expect(() => bottleneck([])).toThrow(new RangeError('operational: stations must hold at least 1 station (got 0)'));
  });
});
