// single_flight: 50 simultaneous misses on one key cause one database load instead of 50,
// and waiters never hang when the loader fails or times out.
import { describe, expect, it } from 'vitest';
import { constant } from '../../../src/engine/random/continuous.js';
import type { Request } from '../../../src/flow/request.js';
import type { Step } from '../../../src/flow/step.js';
import { SleepStep } from '../../../src/flow/steps/sleep.js';
import { cacheWorld, countingStep, type CacheWorld } from './helpers.js';

const N = 50;

/** on_miss: count the load, spend 10 ms in the database, then (maybe) store the key. */
function stampede(w: CacheWorld, loads: Request[], middle: Step[] = [], started: Request[] = []): void {
  const ctx = w.env('db').ctx;
  const db = new SleepStep('db', ctx, constant(0.01), ctx.rng);
  const flow = w.readFlow([countingStep(loads), db, ...middle, w.setStep()]);
  for (let i = 0; i < N; i++) w.send(0, 7, flow, (req) => started.push(req));
}

/** A step that fails the request whose id is in `ids` (a loader whose query errors). */
function failing(ids: Set<number>): Step {
  return { kind: 'fail', label: 'fail', run: (req, flow) => (ids.has(req.id) ? flow.fail(req, 'task_failed', 500) : flow.next(req)) };
}

describe('cache single_flight', () => {
  it('turns 50 concurrent misses into one load; the others get its value as hits', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10, single_flight: true });
    const loads: Request[] = [];
    stampede(w, loads);
    w.sim.run();
    expect(loads.length).toBe(1);
    expect(w.responses.length).toBe(N);
    expect(w.responses.every((r) => r.status === 200)).toBe(true);
    // everyone is answered once the one load lands: 1 µs miss, 10 ms load, then 1 µs for the
    // loader's set and, in parallel, for each waiter's hit
    expect(Math.max(...w.responses.map((r) => r.respondedAt))).toBeCloseTo(0.01 + 2e-6, 12);
    expect(w.cache.report(1).extra).toMatchObject({ stampede_saved: N - 1, single_flight_waits: N - 1, misses: N, sets: 1 });
  });

  it('without it, every miss loads (the stampede)', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10 });
    const loads: Request[] = [];
    stampede(w, loads);
    w.sim.run();
    expect(loads.length).toBe(N);
    expect(w.cache.report(1).extra).toMatchObject({ stampede_saved: 0, sets: N });
  });

  it('hands the load to the next waiter when the loader fails', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10, single_flight: true });
    const loads: Request[] = [];
    stampede(w, loads, [failing(new Set([0]))]);
    w.sim.run();
    expect(loads.map((r) => r.id)).toEqual([0, 1]);
    expect(w.responses.length).toBe(N);
    expect(w.responses.filter((r) => r.status !== 200).map((r) => [r.id, r.error])).toEqual([[0, 'task_failed']]);
    expect(w.flow.ended).toBe(N);
    expect(w.cache.report(1).extra).toMatchObject({ stampede_saved: N - 2 });
  });

  it('lets waiters go when every loader fails, one after another', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10, single_flight: true });
    const loads: Request[] = [];
    stampede(w, loads, [failing(new Set(Array.from({ length: N }, (_, i) => i)))]);
    w.sim.run();
    expect(loads.length).toBe(N); // each in turn tried, none hung
    expect(w.flow.ended).toBe(N);
    expect(w.responses.every((r) => r.error === 'task_failed')).toBe(true);
  });

  it('survives a loader timing out and aborted waiters', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10, single_flight: true });
    const loads: Request[] = [];
    const started: Request[] = [];
    stampede(w, loads, [], started);
    // time out the loader and waiters 1 and 2 at 5 ms, while the load is in flight
    w.sim.schedule(0.005, () => [0, 1, 2].forEach((i) => w.flow.abort(started[i]!, 'request_timeout')), null);
    w.sim.run();
    // the loader's query returns at 10 ms, it ends without storing: waiter 3 (the first not
    // aborted) loads, everyone else gets its value
    expect(loads.map((r) => r.id)).toEqual([0, 3]);
    expect(w.flow.ended).toBe(N);
    expect(w.responses.filter((r) => r.status === 504).map((r) => r.id)).toEqual([0, 1, 2]);
    expect(w.responses.filter((r) => r.status === 200).length).toBe(N - 3);
    // the loader ends at 10.001 ms; waiter 3 misses (1 µs), loads 10 ms, sets; all hit 1 µs later
    expect(Math.max(...w.responses.map((r) => r.respondedAt))).toBeCloseTo(0.02 + 3e-6, 12);
  });
});
