import { describe, expect, it } from 'vitest';
import { jackson, jacksonIsStable, jacksonTraffic, type JacksonParams } from '../../src/analytic/jackson.js';
import { mmc } from '../../src/analytic/mmc.js';
import { expectRel } from './helpers.js';

/** web → app; app → db with 0.6, else out; db → app. So λ_app = 10 + λ_db, λ_db = 0.6·λ_app. */
const threeTier = (gammaWeb: number): JacksonParams => ({
  stations: [{ name: 'web', c: 1, mu: 20 }, { name: 'app', c: 4, mu: 10 }, { name: 'db', c: 1, mu: 20 }],
  gamma: [gammaWeb, 0, 0],
  routing: [[0, 1, 0], [0, 0, 0.6], [0, 1, 0]],
});

describe('jackson: a tandem is a chain of independent M/M/c stations', () => {
  const r = jackson({
    stations: [{ name: 'app', c: 2, mu: 1 }, { name: 'db', c: 1, mu: 2 }],
    gamma: [1.5, 0],
    routing: [[0, 1], [0, 0]],
  });
  const app = mmc({ lambda: 1.5, mu: 1, c: 2 });
  const db = mmc({ lambda: 1.5, mu: 2, c: 1 });

  it('gives each station its own M/M/c metrics', () => {
    const [s0, s1] = r.stations;
    for (const k of ['rho', 'pWait', 'L', 'Lq', 'W', 'Wq'] as const) {
      expectRel(s0?.[k] as number, app[k], 1e-12);
      expectRel(s1?.[k] as number, db[k], 1e-12);
    }
  });

  it('adds the sojourn times up', () => {
    expectRel(r.throughput, 1.5);
    expectRel(r.L, app.L + db.L, 1e-12);
    expectRel(r.W, app.W + db.W, 1e-12);
  });
});

describe('jackson: feedback and visit ratios', () => {
  it('a station that sends half its output back sees twice the external rate', () => {
    const r = jackson({ stations: [{ c: 1, mu: 4 }], gamma: [1], routing: [[0.5]] });
    const s = r.stations[0];
    expectRel(s?.lambda as number, 2, 1e-12);
    expectRel(s?.visits as number, 2, 1e-12);
    expectRel(s?.L as number, 1, 1e-12);
    expectRel(r.W, 1, 1e-12);
    expectRel(s?.residence as number, 1, 1e-12);
    expect(s?.name).toBe('station 0');
  });

  it('solves the three-tier traffic equations', () => {
    const t = jacksonTraffic(threeTier(10));
    [10, 25, 15].forEach((l, i) => expectRel(t.lambda[i] as number, l, 1e-12));
    [1, 2.5, 1.5].forEach((v, i) => expectRel(t.visits[i] as number, v, 1e-12));
    [0.5, 0.625, 0.75].forEach((u, i) => expectRel(t.rho[i] as number, u, 1e-12));
    expect(t.bottleneck).toEqual({ index: 2, name: 'db', rho: expect.closeTo(0.75, 12) });
    expectRel(t.maxThroughput, 10 / 0.75, 1e-12);
  });

  it('sums the residence times into the network sojourn time', () => {
    const r = jackson(threeTier(10));
    const total = r.stations.reduce((s, st) => s + st.residence, 0);
    expectRel(r.W, total, 1e-12);
  });
});

describe('jackson: stability', () => {
  it('reports, and still gives the offered load of an overloaded network', () => {
    expect(jacksonIsStable(threeTier(13))).toBe(true);
    expect(jacksonIsStable(threeTier(14))).toBe(false);
    expectRel(jacksonTraffic(threeTier(14)).rho[2] as number, 1.05, 1e-12);
  });

  it('names the unstable station', () => {
    expect(() => jackson(threeTier(14))).toThrow(new RangeError(
      "jackson: station 'db' is unstable: utilisation ρ = 1.05 >= 1; add servers or lower the arrival rate"));
  });
});

describe('jackson: bad input', () => {
  const two = { stations: [{ name: 'a', c: 1, mu: 1 }, { name: 'b', c: 1, mu: 1 }], gamma: [0.1, 0] };

  it('refuses routing loops with no exit', () => {
    expect(() => jackson({ ...two, routing: [[0, 1], [1, 0]] })).toThrow(new RangeError(
      "jackson: routing traps customers: 'a', 'b' can never leave the network; give one of them an exit (row sum < 1)"));
    expect(() => jackson({ ...two, routing: [[0, 1], [0, 1]] })).toThrow(new RangeError(
      "jackson: routing traps customers: 'a', 'b' can never leave the network; give one of them an exit (row sum < 1)"));
  });

  it('checks the matrix and the rates', () => {
    expect(() => jackson({ ...two, routing: [[0, 0.7], [0.6, 0.6]] })).toThrow(
      new RangeError("jackson: routing row 1 ('b') must sum to <= 1 (got 1.2)"));
    expect(() => jackson({ ...two, routing: [[0, -0.1], [0, 0]] })).toThrow(
      new RangeError('jackson: routing[0][1] must be a probability in [0, 1] (got -0.1)'));
    expect(() => jackson({ ...two, routing: [[0, 0]] })).toThrow(
      new RangeError('jackson: routing must be a 2×2 matrix, one row per station (got 1 rows)'));
    expect(() => jackson({ ...two, routing: [[0, 0], [0]] })).toThrow(
      new RangeError("jackson: routing row 1 ('b') must hold 2 entries (got 1)"));
    expect(() => jackson({ ...two, gamma: [1], routing: [[0, 0], [0, 0]] })).toThrow(
      new RangeError('jackson: gamma must hold one external rate per station, 2 (got 1)'));
    expect(() => jackson({ ...two, gamma: [0, 0], routing: [[0, 0], [0, 0]] })).toThrow(
      new RangeError('jackson: external rates gamma must not all be 0 (got [0,0])'));
    expect(() => jackson({ stations: [{ name: 'a', c: 0, mu: 1 }], gamma: [1], routing: [[0]] })).toThrow(
      new RangeError("jackson: servers c of 'a' must be an integer >= 1 (got 0)"));
    expect(() => jackson({ stations: [], gamma: [], routing: [] })).toThrow(
      new RangeError('jackson: stations must hold at least 1 station (got 0)'));
  });
});
