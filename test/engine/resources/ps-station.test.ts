// Processor sharing: each of n jobs progresses at min(1, c/n).
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/simulation.js';
import { createContext } from '../../../src/engine/context.js';
import { PsStation } from '../../../src/engine/resources/ps-station.js';

describe('PsStation', () => {
  it('shares one core equally: two equal jobs both finish at 2w', () => {
    const sim = new Simulation(1);
    const done: [string, number][] = [];
    const ps = new PsStation<string>(createContext(sim, 'cpu'), { cores: 1 }, (j) => done.push([j, sim.now]));
    ps.arrive('a', 1);
    ps.arrive('b', 1);
    sim.run();
    expect(done).toEqual([['a', 2], ['b', 2]]);
  });

  it('matches a hand computation with staggered arrivals on 1 core', () => {
    // a: work 2 at t=0; b: work 1 at t=1. 0..1 a alone (a left 1); 1..3 share (each gets 1): both done at 3.
    // c: work 0.5 at t=1.5 joins: 1.5..? three share 1/3 each.
    const sim = new Simulation(1);
    const done: Record<string, number> = {};
    const ps = new PsStation<string>(createContext(sim, 'cpu'), { cores: 1 }, (j) => (done[j] = sim.now));
    ps.arrive('a', 2);
    sim.schedule(1, () => ps.arrive('b', 1), null);
    sim.schedule(1.5, () => ps.arrive('c', 0.5), null);
    sim.run();
    // at 1.5: a has 0.75 left, b 0.75, c 0.5; with 3 jobs each gets 1/3: c done after 1.5 -> t=3.0
    // then a, b have 0.25 each, share 1/2 each -> 0.5 more -> t=3.5
    expect(done.c).toBeCloseTo(3.0, 12);
    expect(done.a).toBeCloseTo(3.5, 12);
    expect(done.b).toBeCloseTo(3.5, 12);
    expect(ps.workDone).toBeCloseTo(3.5, 12);
  });

  it('uses up to c cores at full speed', () => {
    const sim = new Simulation(1);
    const done: number[] = [];
    const ps = new PsStation<number>(createContext(sim, 'cpu'), { cores: 2 }, () => done.push(sim.now));
    ps.arrive(1, 1);
    ps.arrive(2, 1);
    ps.arrive(3, 1); // 3 jobs on 2 cores: each at 2/3 -> all finish at 1.5
    sim.run();
    expect(done.map((t) => +t.toFixed(12))).toEqual([1.5, 1.5, 1.5]);
    expect(ps.busy.mean(sim.now)).toBeCloseTo(2, 12);
  });
});
