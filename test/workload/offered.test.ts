// The theoretical load a source offers, as `explain` and MVA read it.
import { describe, expect, it } from 'vitest';
import { offeredLoad, sourceName } from '../../src/workload/index.js';

describe('offeredLoad', () => {
  it('gives an open loop its mean rate over the run, peak and shares', () => {
    const load = offeredLoad({
      type: 'open_loop', rate: { spike: { base: 100, peak: 1000, at: 60, for: 30 } }, poisson: true, mix: { get_user: 8, update_user: 2 },
    }, 600);
    expect(load).toEqual({ type: 'open_loop', meanRate: (100 * 570 + 1000 * 30) / 600, peakRate: 1000, poisson: true, mix: { get_user: 0.8, update_user: 0.2 } });
  });
  it('gives a diurnal profile its mean over whole periods', () => {
    const load = offeredLoad({ type: 'open_loop', rate: { diurnal: { mean: 50, amplitude: 0.5, period: 3600, peak_at: 600 } }, poisson: false, mix: { a: 1 } }, 7200);
    expect(load.type === 'open_loop' && load.meanRate).toBeCloseTo(50, 9);
  });
  it('gives a closed loop N, Z (the mean of between(1s, 3s) is 2s), spawn ramp and task shares', () => {
    const load = offeredLoad({
      type: 'closed_loop', users: 100, spawn_rate: 10, wait_time: { uniform: { min: 1, max: 3 } }, tasks: { browse: 5, update_profile: 1, noop: 0 }, on_start: 'login',
    }, 600);
    expect(load).toEqual({
      type: 'closed_loop', users: 100, spawnRate: 10, rampUp: 9.9, thinkMean: 2, mix: { browse: 5 / 6, update_profile: 1 / 6 }, onStart: 'login',
    });
  });
  it('needs the endpoints and model directory for a trace', () => {
    expect(() => offeredLoad({ type: 'trace', file: 'x.csv', columns: { timestamp: 't', endpoint: 'e' }, time_unit: 's', time_scale: 1 }, 10))
      .toThrow('offeredLoad: a trace source needs { modelDir, endpoints }');
  });
});

describe('sourceName', () => {
  it('uses the name, else the type and position', () => {
    expect(sourceName({ type: 'closed_loop', name: 'locust', users: 1, wait_time: { constant: { value: 1 } }, tasks: { a: 1 } }, 3)).toBe('locust');
    expect(sourceName({ type: 'open_loop', rate: { constant: 1 }, poisson: true, mix: { a: 1 } }, 0)).toBe('open_loop[0]');
  });
});
