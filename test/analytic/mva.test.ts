import { describe, expect, it } from 'vitest';
import { mva, type MvaStation } from '../../src/analytic/mva.js';
import { expectRel } from './helpers.js';

const q = (demand: number, servers = 1, name?: string): MvaStation =>
  ({ kind: 'queue', demand, servers, ...(name === undefined ? {} : { name }) });
const delay = (demand: number): MvaStation => ({ kind: 'delay', demand });

describe('mva: closed forms', () => {
  it('one customer never queues: R = ΣD, X = 1/(ΣD + Z)', () => {
    const r = mva({ N: 1, Z: 2, stations: [q(0.5), q(1.2, 4), delay(0.3)] });
    expectRel(r.R, 2, 1e-14);
    expectRel(r.X, 0.25, 1e-14);
    [0.5, 1.2, 0.3].forEach((d, i) => expectRel(r.stations[i]?.R as number, d, 1e-14));
  });

  it('one station and no think time: X = 1/D, R(n) = n·D', () => {
    const r = mva({ N: 7, Z: 0, stations: [q(0.25)] });
    r.byPopulation.X.forEach((x) => expectRel(x, 4, 1e-14));
    r.byPopulation.R.forEach((rt, i) => expectRel(rt, 0.25 * (i + 1), 1e-14));
    expectRel(r.stations[0]?.Q as number, 7, 1e-14);
  });

  it('machine repairman M/M/1//N: X = (1 − p0)/D', () => {
    // p_n ∝ N!/(N − n)!·(D/Z)^n: n of the N machines are at the repairman.
    const N = 10;
    const D = 0.4;
    const Z = 3;
    let w = 1;
    let sum = 1;
    for (let n = 1; n <= N; n++) { w *= (N - n + 1) * (D / Z); sum += w; }
    const X = (1 - 1 / sum) / D;
    const r = mva({ N, Z, stations: [q(D)] });
    expectRel(r.X, X, 1e-13);
    expectRel(r.R, N / X - Z, 1e-13);
  });
});

// References computed in exact rational arithmetic by convolving the product-form
// factors D^j / Π_{i<=j} min(i, c) (and Z^j/j! for think time and delays).
describe('mva: multi-server stations against exact product-form sums', () => {
  it('M/M/3//20 (Z = 5, D = 1)', () => {
    const r = mva({ N: 20, Z: 5, stations: [q(1, 3)] });
    expectRel(r.X, 2.800426818449189, 1e-13);
    expectRel(r.stations[0]?.Q as number, 5.997865907754055, 1e-13);
  });

  it('two multi-server stations, a single server and a delay', () => {
    const r = mva({ N: 60, Z: 1, stations: [q(0.8, 8), q(0.36, 4), q(0.08), delay(0.5)] });
    expectRel(r.X, 9.96505209061262, 1e-13);
    const Q = [31.431052021349796, 9.740318944555257, 3.881050898176017, 4.98252604530631];
    Q.forEach((e, i) => expectRel(r.stations[i]?.Q as number, e, 1e-12));
  });

  it('stays exact through saturation (c = 50, N = 150 and N = 300)', () => {
    const knee = mva({ N: 150, Z: 2, stations: [q(1, 50)] });
    expectRel(knee.X, 48.334606010210486, 1e-12);
    expectRel(knee.stations[0]?.Q as number, 53.33078797957903, 1e-12);
    const sat = mva({ N: 300, Z: 2, stations: [q(1, 50)] });
    expectRel(sat.X, 50, 1e-12);
    expectRel(sat.stations[0]?.Q as number, 200, 1e-12);
  });

  it('c = 100 saturated beside a lightly loaded single server (N = 400)', () => {
    const r = mva({ N: 400, Z: 1, stations: [q(1, 100), q(0.002)] });
    expectRel(r.X, 100, 1e-12);
    expectRel(r.stations[0]?.Q as number, 299.75, 1e-12);
    expectRel(r.stations[1]?.Q as number, 0.25, 1e-10);
  });
});

describe('mva: multi-server limits', () => {
  it('c >= N is a delay station', () => {
    const a = mva({ N: 40, Z: 1, stations: [q(2, 40), q(0.01)] });
    const b = mva({ N: 40, Z: 1, stations: [delay(2), q(0.01)] });
    expectRel(a.X, b.X, 1e-14);
    expect(a.stations[0]?.servers).toBe(40);
    expectRel(a.stations[0]?.U as number, (a.X * 2) / 40, 1e-14);
  });

  it('a large c < N that is rarely full behaves like a delay station', () => {
    // About N·D/(D + Z) = 18 customers at the station on average; reaching 150 is negligible.
    const a = mva({ N: 200, Z: 10, stations: [q(1, 150)] });
    const b = mva({ N: 200, Z: 10, stations: [delay(1)] });
    expectRel(a.X, b.X, 1e-12);
    expectRel(a.R, 1, 1e-12);
  });

  it('conserves customers and obeys the utilisation law at every size', () => {
    const Z = 0.5;
    const r = mva({ N: 500, Z, stations: [q(0.05, 10), q(0.004), q(0.02, 3), delay(0.1)] });
    const held = r.stations.reduce((s, st) => s + st.Q, 0) + r.X * Z;
    expectRel(held, 500, 1e-12);
    expectRel(r.stations[0]?.busy as number, r.X * 0.05, 1e-14);
    expect(r.stations[3]?.U).toBe(0);
    expect(r.stations.every((s) => s.U <= 1 + 1e-12)).toBe(true);
    // Throughput never falls as users are added (up to rounding once saturated at 150/s).
    r.byPopulation.X.forEach((x, i) => {
      if (i > 0) expect(x).toBeGreaterThanOrEqual((r.byPopulation.X[i - 1] as number) * (1 - 1e-13));
    });
    expectRel(r.X, 150, 1e-12);
  });
});

describe('mva: bad input', () => {
  it('names the parameter, the value and what is allowed', () => {
    expect(() => mva({ N: 0, Z: 1, stations: [q(1)] })).toThrow(new RangeError('mva: customers N must be an integer >= 1 (got 0)'));
    expect(() => mva({ N: 1, Z: -1, stations: [q(1)] })).toThrow(
      new RangeError('mva: think time Z must be a finite number >= 0 (got -1)'));
    expect(() => mva({ N: 1, Z: 1, stations: [q(NaN, 1, 'db')] })).toThrow(
      new RangeError("mva: demand D of 'db' must be a finite number >= 0 (got NaN)"));
    expect(() => mva({ N: 1, Z: 1, stations: [q(1, 0)] })).toThrow(
      new RangeError("mva: servers c of 'station 0' must be an integer >= 1 (got 0)"));
    expect(() => mva({ N: 1, Z: 1, stations: [{ kind: 'fifo', demand: 1 } as unknown as MvaStation] })).toThrow(
      new RangeError("mva: kind of 'station 0' must be 'queue' or 'delay' (got \"fifo\")"));
    expect(() => mva({ N: 3, Z: 0, stations: [q(0)] })).toThrow(new RangeError(
      'mva: think time Z plus total demand must be > 0 (got 0); nothing would slow the customers down'));
    expect(() => mva({ N: 100, Z: 1, stations: Array.from({ length: 11 }, () => q(0.1, 2)) })).toThrow(
      new RangeError('mva: at most 10 stations with 2 <= servers < N can be solved exactly (got 11)'));
    expect(() => mva({ N: 100000, Z: 1, stations: [q(1, 5000), q(1, 5000)] })).toThrow(new RangeError(
      'mva: too large to solve exactly (2 multi-server stations and N = 100000 need ~4.0e+9 steps, limit 1e+9); lower N or use mvaBounds'));
  });
});
