// The kernel's contract: (time, seq) order, cancel, run({until}), step, and named streams.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulation } from '../../src/engine/simulation.js';
import { createContext } from '../../src/engine/context.js';

describe('Simulation', () => {
  it('runs equal-time events in scheduling order', () => {
    const sim = new Simulation(1);
    const seen: number[] = [];
    const log = (i: number): void => void seen.push(i);
    for (let i = 0; i < 50; i++) sim.schedule(i % 3 === 0 ? 1 : 2, log, i);
    sim.schedule(1, (i: number) => { seen.push(i); sim.schedule(0, log, 100); sim.schedule(1, log, 101); }, 99);
    sim.run();
    const ones = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === 0);
    const twos = Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 !== 0);
    expect(seen).toEqual([...ones, 99, 100, ...twos, 101]);
  });

  it('advances the clock to `until` and leaves later events pending', () => {
    const sim = new Simulation(1);
    let fired = 0;
    sim.schedule(5, () => fired++, null);
    sim.schedule(15, () => fired++, null);
    sim.run({ until: 10 });
    expect([sim.now, fired, sim.pending]).toEqual([10, 1, 1]);
    expect(sim.step()).toBe(true);
    expect([sim.now, fired]).toEqual([15, 2]);
    expect(sim.step()).toBe(false);
  });

  it('rejects negative, NaN and infinite delays', () => {
    const sim = new Simulation(1);
    expect(() => sim.schedule(-1, () => {}, null)).toThrow('delay must be a finite number >= 0 (got -1)');
    expect(() => sim.schedule(NaN, () => {}, null)).toThrow('(got NaN)');
    expect(() => sim.schedule(Infinity, () => {}, null)).toThrow('(got Infinity)');
  });

  it('a cancelled event never fires, whatever else is scheduled (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.boolean()), { maxLength: 200 }), (evs) => {
        const sim = new Simulation(1);
        const fired = new Set<number>();
        const ids = evs.map(([d], i) => sim.schedule(d, (k: number) => void fired.add(k), i));
        evs.forEach(([, cancel], i) => cancel && sim.cancel(ids[i]!));
        sim.run();
        evs.forEach(([, cancel], i) => expect(fired.has(i)).toBe(!cancel));
      }),
    );
  });

  it('cancelling an event that already ran is a no-op and does not leak', () => {
    const sim = new Simulation(1);
    let n = 0;
    for (let i = 0; i < 100_000; i++) {
      const id = sim.schedule(1, () => n++, null);
      sim.step();
      sim.cancel(id);
    }
    expect(n).toBe(100_000);
    expect((sim as unknown as { cancelled: Set<number> }).cancelled.size).toBeLessThan(2000);
  });

  it('gives every component its own stream and refuses a duplicate name', () => {
    const a1 = createContext(new Simulation(7), 'app').rng;
    const sim = new Simulation(7);
    createContext(sim, 'cache'); // adding a component...
    const a2 = createContext(sim, 'app').rng; // ...does not change another's draws
    expect(Array.from({ length: 5 }, () => a2.next())).toEqual(Array.from({ length: 5 }, () => a1.next()));
    expect(() => createContext(sim, 'app')).toThrow('random stream "app" already exists');
  });
});
