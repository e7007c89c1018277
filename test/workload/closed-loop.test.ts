// Closed-loop users against a stub entry that answers after a fixed R: throughput against
// N / (R + Z), exact spawn times, on_start once per user with no think after it, task
// weights, error responses, the run's end, and per-user streams (common random numbers).
import { describe, expect, it } from 'vitest';
import type { ClosedLoopSource } from '../../src/model/schema/traffic.js';
import { buildSource, ClosedLoopGenerator } from '../../src/workload/index.js';
import { CHI2_0_001, chiSquare } from '../engine/random/stat-helpers.js';
import { world, type Arrival } from './world.js';

function closedLoop(fields: Partial<ClosedLoopSource> = {}): ClosedLoopSource {
  return { type: 'closed_loop', users: 20, wait_time: { constant: { value: 0.4 } }, tasks: { get_user: 3, update_user: 1 }, ...fields };
}

const byUser = (arrivals: Arrival[]): Map<unknown, Arrival[]> => {
  const m = new Map<unknown, Arrival[]>();
  for (const a of arrivals) m.set(a.req.source, [...(m.get(a.req.source) ?? []), a]);
  return m;
};

describe('closed loop throughput', () => {
  it('cycles every R + Z exactly with constant think: N·⌈T/(R+Z)⌉ requests', () => {
    const w = world({ until: 100.25, respondAfter: 0.1 });
    const gen = buildSource(closedLoop(), w.env('users'));
    gen.start();
    w.sim.run({ until: 100.25 });
    // requests at 0, 0.5, …, 100.0 for each of 20 users
    expect(gen.generated).toBe(20 * 201);
    expect(gen.usersActive).toBe(20);
    for (const list of byUser(w.arrivals).values()) list.forEach((a, k) => expect(a.t).toBeCloseTo(k * 0.5, 9));
  });
  it('reaches N / (R + Z) within 2% with exponential think times', () => {
    const T = 2000;
    const w = world({ until: T, respondAfter: 0.1 });
    const gen = buildSource(closedLoop({ wait_time: { exponential: { mean: 0.4 } } }), w.env('users'));
    gen.start();
    w.sim.run({ until: T });
    expect(Math.abs(gen.responded / T / 40 - 1)).toBeLessThan(0.02);
  });
  it('keeps going through error responses (they count as responses)', () => {
    const w = world({ until: 50.25, respondAfter: 0.1, status: (n) => (n % 2 === 0 ? 503 : 200) });
    const gen = buildSource(closedLoop({ users: 4 }), w.env('users'));
    gen.start();
    w.sim.run({ until: 50.25 });
    expect(gen.generated).toBe(4 * 101);
  });
});

describe('closed loop users', () => {
  it('starts user i at exactly i / spawn_rate', () => {
    const w = world({ until: 30, respondAfter: 0.05 });
    const gen = buildSource(closedLoop({ users: 10, spawn_rate: 4 }), w.env('ramp'));
    gen.start();
    w.sim.run({ until: 1.6 });
    expect(gen.usersActive).toBe(7);
    w.sim.run({ until: 30 });
    const firsts = [...byUser(w.arrivals).values()].map((list) => list[0]!.t);
    expect(firsts).toEqual(Array.from({ length: 10 }, (_, i) => i / 4));
    expect(gen.offered(30)).toMatchObject({ users: 10, spawnRate: 4, rampUp: 2.25, thinkMean: 0.4 });
  });
  it('runs on_start once per user, first, and the first task right after its response', () => {
    const w = world({ until: 20, respondAfter: 0.1 });
    const gen = buildSource(closedLoop({ users: 6, on_start: 'login', spawn_rate: 2 }), w.env('login'));
    gen.start();
    w.sim.run({ until: 20 });
    const users = byUser(w.arrivals);
    expect(users.size).toBe(6);
    for (const list of users.values()) {
      expect(list[0]!.endpoint).toBe(2);
      expect(list.slice(1).every((a) => a.endpoint !== 2)).toBe(true);
      expect(list[1]!.t - list[0]!.t).toBeCloseTo(0.1, 12);
      expect(list[2]!.t - list[1]!.t).toBeCloseTo(0.5, 12);
    }
    expect((gen as ClosedLoopGenerator).onStartCalls).toBe(6);
  });
  it('picks tasks by weight', () => {
    // cycles of 0.1 s; the end falls mid-cycle so summed float times cannot straddle it
    const w = world({ until: 500.05, respondAfter: 0.01 });
    buildSource(closedLoop({ tasks: { get_user: 3, update_user: 1 }, wait_time: { constant: { value: 0.09 } } }), w.env('tasks')).start();
    w.sim.run({ until: 500.05 });
    const counts = [0, 0];
    for (const a of w.arrivals) counts[a.endpoint]!++;
    expect(counts[0]! + counts[1]!).toBe(20 * 5001);
    expect(chiSquare(counts, [0.75, 0.25])).toBeLessThan(CHI2_0_001[1]!);
  });
  it('sends nothing at or after the end of the run', () => {
    const w = world({ until: 10, respondAfter: 0.3 });
    buildSource(closedLoop({ users: 3, wait_time: { uniform: { min: 0, max: 1 } } }), w.env('end')).start();
    w.sim.run();
    expect(Math.max(...w.arrivals.map((a) => a.t))).toBeLessThan(10);
  });
  it("gives user i the same tasks, keys and thinks whatever the population or the stack's speed", () => {
    const run = (users: number, r: number): Arrival[] => {
      const w = world({ seed: 9, until: 50, respondAfter: r });
      buildSource(closedLoop({ users, wait_time: { exponential: { mean: 0.5 } } }), w.env('crn')).start();
      w.sim.run({ until: 50 });
      return byUser(w.arrivals).values().next().value!;
    };
    const a = run(5, 0.1), b = run(50, 0.3);
    const n = Math.min(a.length, b.length);
    expect(n).toBeGreaterThan(20);
    expect(b.slice(0, n).map((x) => [x.endpoint, ...x.keys])).toEqual(a.slice(0, n).map((x) => [x.endpoint, ...x.keys]));
    // same think times: the gaps differ by exactly the change in R
    for (let k = 1; k < n; k++) expect(b[k]!.t - b[k - 1]!.t - 0.3).toBeCloseTo(a[k]!.t - a[k - 1]!.t - 0.1, 9);
  });
  it('rejects a spawn rate of 0', () => {
    expect(() => buildSource(closedLoop({ spawn_rate: 0 }), world().env('zero'))).toThrow('closed_loop spawn_rate must be a finite rate > 0/s (got 0)');
  });
});
