// Pool: immediate grants, FIFO waiting, timeouts, and grants delivered from the event loop.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../../src/engine/simulation.js';
import { createContext } from '../../../src/engine/context.js';
import { Pool } from '../../../src/engine/resources/pool.js';

describe('Pool', () => {
  it('grants FIFO, times out waiters, and skips them later', () => {
    const sim = new Simulation(1);
    const log: string[] = [];
    const pool = new Pool<string>(
      createContext(sim, 'pool'),
      { size: 1, timeout: 2 },
      (w, waited) => log.push(`${w} granted at ${sim.now} after ${waited}`),
      (w, waited) => log.push(`${w} timed out at ${sim.now} after ${waited}`),
    );
    expect(pool.acquire('a')).toBe(true);
    expect(pool.acquire('b')).toBe(false);
    sim.schedule(0.5, () => pool.acquire('c'), null);
    sim.schedule(3, () => pool.release(), null); // b timed out at 2, c at 2.5
    // d waits from t=1; its timeout and the release both fall at t=3, and the release was
    // scheduled first (lower seq), so d is granted rather than timed out
    sim.schedule(1, () => pool.acquire('d'), null);
    sim.run();
    expect(log).toEqual([
      'b timed out at 2 after 2',
      'c timed out at 2.5 after 2',
      'd granted at 3 after 2',
    ]);
    expect([pool.inUseCount, pool.waiting, pool.timeouts]).toEqual([1, 0, 2]);
  });

  it('hands a released token to the oldest live waiter after the releaser returns', () => {
    const sim = new Simulation(1);
    const log: string[] = [];
    const pool = new Pool<string>(createContext(sim, 'pool'), { size: 1 }, (w, waited) => log.push(`${w}@${sim.now}+${waited}`));
    pool.acquire('a');
    pool.acquire('b');
    pool.acquire('c');
    sim.schedule(1, () => { pool.release(); log.push('released'); }, null);
    sim.schedule(4, () => pool.release(), null);
    sim.run();
    expect(log).toEqual(['released', 'b@1+1', 'c@4+4']);
    expect([pool.acquired, pool.waitedCount, pool.waitSum]).toEqual([3, 2, 5]);
  });

  it('refuses a release without an acquire', () => {
    const pool = new Pool(createContext(new Simulation(1), 'p'), { size: 1 }, () => {});
    expect(() => pool.release()).toThrow('release without a matching acquire');
  });
});
