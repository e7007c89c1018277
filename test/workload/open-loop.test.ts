// The open-loop generator on the engine, against a recording stub entry: counts and mix
// against theory, exact even spacing, keys per space, the run's end, and a single pending
// event however high the rate.
import { describe, expect, it } from 'vitest';
import type { OpenLoopSource } from '../../src/model/schema/traffic.js';
import { buildSource } from '../../src/workload/index.js';
import { CHI2_0_001, chiSquare } from '../engine/random/stat-helpers.js';
import { countIn, world } from './world.js';

function openLoop(fields: Partial<OpenLoopSource> = {}): OpenLoopSource {
  return { type: 'open_loop', rate: { constant: 200 }, poisson: true, mix: { get_user: 8, update_user: 2 }, ...fields };
}

describe('open loop, Poisson', () => {
  const w = world({ until: 500 });
  const gen = buildSource(openLoop(), w.env('web'));
  gen.start();
  w.sim.run({ until: 500 });
  const times = w.arrivals.map((a) => a.t);

  it('sends rate × T requests within 4 sd, all before the end', () => {
    expect(Math.abs(w.arrivals.length - 100_000)).toBeLessThanOrEqual(4 * Math.sqrt(100_000));
    expect(gen.generated).toBe(w.arrivals.length);
    expect(Math.max(...times)).toBeLessThan(500);
  });
  it('spreads them over the mix by weight', () => {
    const counts = [0, 0];
    for (const a of w.arrivals) counts[a.endpoint]!++;
    expect(chiSquare(counts, [0.8, 0.2])).toBeLessThan(CHI2_0_001[1]!);
  });
  it('stamps each request: unique id, start time, source, a key in 1..1000', () => {
    expect(new Set(w.arrivals.map((a) => a.id)).size).toBe(w.arrivals.length);
    for (const a of w.arrivals.slice(0, 1000)) {
      expect(a.req.startedAt).toBe(a.t);
      expect(a.req.source).toBe(gen);
      expect(a.keys).toHaveLength(1);
      expect(Number.isInteger(a.keys[0]) && a.keys[0]! >= 1 && a.keys[0]! <= 1000).toBe(true);
    }
    const mean = w.arrivals.reduce((s, a) => s + a.keys[0]!, 0) / w.arrivals.length;
    // uniform on 1..1000: mean 500.5, sd 288.7
    expect(Math.abs(mean - 500.5)).toBeLessThan(4 * 288.7 / Math.sqrt(w.arrivals.length));
  });
});

describe('open loop, evenly spaced', () => {
  it('sends exactly one request every 1/rate seconds', () => {
    const w = world({ until: 50 });
    buildSource(openLoop({ poisson: false, rate: { constant: 40 } }), w.env('even')).start();
    w.sim.run({ until: 50 });
    expect(w.arrivals).toHaveLength(2000);
    w.arrivals.forEach((a, k) => expect(a.t).toBeCloseTo(k / 40, 12));
  });
  it('follows a spike with a deterministic count in each phase', () => {
    const w = world({ until: 30 });
    const gen = buildSource(openLoop({ poisson: false, rate: { spike: { base: 10, peak: 100, at: 10, for: 5 } } }), w.env('even'));
    gen.start();
    w.sim.run({ until: 30 });
    const times = w.arrivals.map((a) => a.t);
    expect([countIn(times, 0, 10), countIn(times, 10, 15), countIn(times, 15, 30)]).toEqual([100, 500, 150]);
  });
});

describe('open loop mechanics', () => {
  it('keeps one pending event while generating 10k requests/s', () => {
    const w = world({ until: 2 });
    buildSource(openLoop({ rate: { constant: 10_000 } }), w.env('busy')).start();
    let steps = 0;
    while (w.sim.step()) {
      expect(w.sim.pending).toBeLessThanOrEqual(1);
      steps++;
    }
    expect(steps).toBe(w.arrivals.length);
  });
  it('draws each key space from the source keys, else the model, else 0', () => {
    const w = world({
      until: 20,
      keySpaces: [
        { name: 'user', spec: { uniform_int: { min: 1, max: 10 } } },
        { name: 'item', spec: { zipf: { s: 1.1, n: 50 } } },
        { name: 'session', spec: null },
      ],
    });
    const keys = { user: { uniform_int: { min: 100, max: 200 } } } as const;
    buildSource(openLoop({ keys }), w.env('own')).start();
    w.sim.run({ until: 20 });
    for (const a of w.arrivals) {
      expect(a.keys[0]! >= 100 && a.keys[0]! <= 200).toBe(true);
      expect(a.keys[1]! >= 1 && a.keys[1]! <= 50).toBe(true);
      expect(a.keys[2]).toBe(0);
    }
  });
  it('stops at until even when the profile goes on', () => {
    const w = world({ until: 3 });
    const gen = buildSource(openLoop({ poisson: false, rate: { constant: 1 } }), w.env('stop'));
    gen.start();
    w.sim.run();
    expect(w.arrivals.map((a) => a.t)).toEqual([0, 1, 2]);
    expect(gen.report()).toEqual({ name: 'stop', type: 'open_loop', generated: 3, responded: 0, usersActive: 0 });
  });
  it('counts responses it hears back', () => {
    const w = world({ until: 10, respondAfter: 0.01 });
    const gen = buildSource(openLoop({ rate: { constant: 100 } }), w.env('heard'));
    gen.start();
    w.sim.run();
    expect(gen.responded).toBe(gen.generated);
  });
  it('refuses to start twice', () => {
    const w = world();
    const gen = buildSource(openLoop(), w.env('twice'));
    gen.start();
    expect(() => gen.start()).toThrow('start() called twice');
  });
});
