// Multi-server station: FIFO/priority order, capacity K, and the counters the reports use.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/simulation.js';
import { createContext } from '../../../src/engine/context.js';
import { Station } from '../../../src/engine/resources/station.js';

function setup(servers: number, opts: { capacity?: number; discipline?: 'fifo' | 'priority' } = {}) {
  const sim = new Simulation(1);
  const done: [string, number, number, number][] = [];
  const dropped: string[] = [];
  const st = new Station<string>(
    createContext(sim, 's'),
    { servers, ...opts },
    (j, wait, sojourn) => done.push([j, sim.now, wait, sojourn]),
    (j) => dropped.push(j),
  );
  return { sim, st, done, dropped };
}

describe('Station', () => {
  it('serves FIFO on c servers with exact waits', () => {
    const { sim, st, done } = setup(2);
    st.arrive('a', 3);
    st.arrive('b', 1);
    st.arrive('c', 1); // waits for b (t=1)
    st.arrive('d', 1); // waits for c (t=2)
    sim.run();
    expect(done).toEqual([
      ['b', 1, 0, 1],
      ['c', 2, 1, 2],
      ['a', 3, 0, 3],
      ['d', 3, 2, 3],
    ]);
    expect([st.arrivals, st.started, st.completions, st.waited, st.waitSum]).toEqual([4, 4, 4, 2, 3]);
    expect(st.busy.mean(sim.now)).toBeCloseTo((3 + 3) / 3, 12);
  });

  it('serves lower priority values first, FIFO among equals', () => {
    const { sim, st, done } = setup(1, { discipline: 'priority' });
    st.arrive('first', 1, 5);
    st.arrive('low', 1, 9);
    st.arrive('high', 1, 0);
    st.arrive('low2', 1, 9);
    st.arrive('high2', 1, 0);
    sim.run();
    expect(done.map((d) => d[0])).toEqual(['first', 'high', 'high2', 'low', 'low2']);
  });

  it('drops arrivals beyond capacity K and counts them', () => {
    const { sim, st, done, dropped } = setup(1, { capacity: 2 });
    expect(['a', 'b', 'c', 'd'].map((j) => st.arrive(j, 1))).toEqual([true, true, false, false]);
    sim.run();
    expect(done.map((d) => d[0])).toEqual(['a', 'b']);
    expect(dropped).toEqual(['c', 'd']);
    expect(st.drops).toBe(2);
  });

  it('rejects impossible configurations with the parameter named', () => {
    const sim = new Simulation(1);
    expect(() => new Station(createContext(sim, 'x'), { servers: 0 }, () => {})).toThrow('servers must be an integer >= 1 (got 0)');
    expect(() => new Station(createContext(sim, 'y'), { servers: 2, capacity: 1 }, () => {})).toThrow('capacity must be >= servers (2) (got 1)');
  });
});
