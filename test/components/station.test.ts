// The station component through a flow of one `visit` step: M/M/c against Erlang C and
// M/M/c/K blocking within 99% confidence intervals over replications, priority order, exact
// processor-sharing times, M/G/1-PS insensitivity, drops and the schema's checks.
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analytic/mmc.js';
import { mmck } from '../../src/analytic/mmck.js';
import { station, type StationComponent } from '../../src/components/station.js';
import { exponentialRate } from '../../src/engine/random/continuous.js';
import { meanCI } from '../../src/engine/stats/confidence.js';
import type { ComponentReport } from '../../src/components/define.js';
import type { Request } from '../../src/flow/request.js';
import { VisitStep } from '../../src/flow/steps/control.js';
import { testWorld, type TestWorld } from './env.js';

const ENDPOINTS = ['checkout', 'browse', 'search'];

function stationWorld(config: Record<string, unknown>, seed: string | number = 1): { w: TestWorld; s: StationComponent; flow: VisitStep[] } {
  const w = testWorld(seed);
  const env = { ...w.env('q'), endpointIndex: (n: string) => ENDPOINTS.indexOf(n) };
  const s = station.build('q', station.schema.parse({ kind: 'station', ...config }), env);
  return { w, s, flow: [new VisitStep('visit', s)] };
}

/** One replication: Poisson arrivals at `lambda`; statistics reset after `warmup` arrivals and
 * reported at the last of `warmup + n` (before the station drains, so time averages hold). */
function replicate(config: Record<string, unknown>, lambda: number, seed: string, warmup = 2_000, n = 20_000): ComponentReport {
  const { w, s, flow } = stationWorld(config, seed);
  const rng = w.sim.stream('test/arrivals');
  const gap = exponentialRate(lambda);
  let sent = 0;
  let report: ComponentReport | undefined;
  const arrive = (): void => {
    if (sent === warmup) s.resetStats(w.sim.now);
    if (sent++ === warmup + n) {
      report = s.report(w.sim.now);
      return;
    }
    w.flow.start(w.request(0), flow);
    w.sim.schedule(gap.sample(rng), arrive, null);
  };
  w.sim.schedule(0, arrive, null);
  w.sim.run();
  return report!;
}

/** Does the 99% CI over replications of `pick` contain `expected`? Returns the interval too. */
function covers(reports: ComponentReport[], pick: (r: ComponentReport) => number, expected: number): [boolean, number, number] {
  const ci = meanCI(reports.map(pick), 0.99);
  return [ci.lower! <= expected && expected <= ci.upper!, ci.lower!, ci.upper!];
}

const seeds = (n: number) => Array.from({ length: n }, (_, i) => `rep-${i}`);

describe('station', () => {
  it('matches Erlang C for M/M/3 at ρ = 0.8 (99% CI over 15 replications)', () => {
    const config = { servers: 3, service: { exponential: { mean: '10ms' } } };
    const reports = seeds(15).map((seed) => replicate(config, 240, seed));
    const theory = mmc({ lambda: 240, mu: 100, c: 3 });
    expect(covers(reports, (r) => r.extra!.mean_wait_ms!, theory.Wq * 1000)[0]).toBe(true);
    expect(covers(reports, (r) => r.extra!.p_wait!, theory.pWait)[0]).toBe(true);
    expect(covers(reports, (r) => r.utilisation!, theory.rho)[0]).toBe(true);
    expect(covers(reports, (r) => r.meanQueue!, theory.Lq)[0]).toBe(true);
    expect(covers(reports, (r) => r.extra!.mean_sojourn_ms!, theory.W * 1000)[0]).toBe(true);
  });

  it('drops arrivals beyond capacity as M/M/2/5 predicts, even overloaded (ρ = 1.5)', () => {
    const config = { servers: 2, capacity: 5, service: { exponential: { mean: '10ms' } } };
    const reports = seeds(15).map((seed) => replicate(config, 300, seed));
    const theory = mmck({ lambda: 300, mu: 100, c: 2, K: 5 });
    expect(covers(reports, (r) => r.extra!.p_block!, theory.pBlock)[0]).toBe(true);
    expect(covers(reports, (r) => r.extra!.mean_in_system!, theory.L)[0]).toBe(true);
    expect(covers(reports, (r) => r.utilisation!, theory.utilisation)[0]).toBe(true);
    expect(reports.every((r) => r.maxQueue === 3)).toBe(true);
  });

  it('fails a dropped request at once with 503 dropped', () => {
    const { w, flow } = stationWorld({ servers: 1, capacity: 1, service: { constant: '1s' } });
    w.flow.start(w.request(0), flow);
    w.flow.start(w.request(0), flow);
    w.sim.run();
    expect(w.responses.map((r) => [r.id, r.status, r.error, r.respondedAt])).toEqual([[1, 503, 'dropped', 0], [0, 200, null, 1]]);
  });

  it('serves lower priority values first, FIFO among equals', () => {
    const { w, s, flow } = stationWorld({
      servers: 1, service: { constant: '1s' }, discipline: 'priority', priorities: { checkout: 0, browse: 2 }, default_priority: 1,
    });
    const arrive = (at: number, endpoint: string) =>
      w.sim.schedule(at, () => w.flow.start(w.request(ENDPOINTS.indexOf(endpoint)), flow), null);
    arrive(0, 'browse'); // id 0: served at once
    arrive(0.1, 'browse'); // 1
    arrive(0.2, 'search'); // 2: unlisted, priority 1
    arrive(0.3, 'checkout'); // 3
    arrive(0.4, 'browse'); // 4
    arrive(0.5, 'checkout'); // 5
    w.sim.run();
    expect(w.responses.map((r) => [r.id, r.respondedAt])).toEqual([[0, 1], [3, 2], [5, 3], [2, 4], [1, 5], [4, 6]]);
    // waits: each starts when the previous one ends (at 1, 2, 3, 4, 5)
    expect(s.report(6).extra!.mean_wait_ms).toBeCloseTo(((1 - 0.3) + (2 - 0.5) + (3 - 0.2) + (4 - 0.1) + (5 - 0.4)) / 6 * 1000, 9);
  });

  it('shares the servers equally under ps (hand computation)', () => {
    const { w, s, flow } = stationWorld({ servers: 1, discipline: 'ps', service: { constant: '1s' } });
    w.flow.start(w.request(0), flow);
    w.sim.schedule(0.5, () => w.flow.start(w.request(0), flow), null);
    w.sim.run();
    // alone until 0.5 (half done), then each at rate 1/2: the first ends at 1.5, the second
    // has 0.5 done by then and ends alone at 2
    expect(w.responses.map((r: Request) => [r.id, r.respondedAt])).toEqual([[0, expect.closeTo(1.5, 12)], [1, expect.closeTo(2, 12)]]);
    const rep = s.report(2);
    expect(rep.utilisation).toBeCloseTo(1, 12);
    expect(rep.extra!.mean_in_system).toBeCloseTo((0.5 + 2 * 1 + 0.5) / 2, 12);
    expect(rep.meanQueue).toBeCloseTo(0.5, 12);
  });

  it('gives M/G/1-PS the mean sojourn E[S]/(1 − ρ) whatever the service distribution', () => {
    const config = { discipline: 'ps', service: { constant: '10ms' } };
    const reports = seeds(12).map((seed) => replicate(config, 70, seed, 1_000, 10_000));
    const [ok, lo, hi] = covers(reports, (r) => r.extra!.mean_sojourn_ms!, 10 / 0.3);
    expect({ ok, lo, hi }).toMatchObject({ ok: true });
  });

  it('reports no NaN before any visit, and prices each server', () => {
    for (const discipline of ['fifo', 'ps']) {
      const { s } = stationWorld({ servers: 4, discipline, service: { constant: '1ms' }, price_per_hour: 0.5 });
      const rep = s.report(0);
      expect(rep.costPerHour).toBe(2);
      expect([rep.utilisation, rep.meanQueue, ...Object.values(rep.extra!)].every(Number.isFinite)).toBe(true);
    }
  });

  it('rejects a capacity below the servers and priorities without discipline: priority', () => {
    const service = { constant: '1ms' };
    expect(station.schema.safeParse({ kind: 'station', servers: 3, capacity: 2, service }).success).toBe(false);
    expect(station.schema.safeParse({ kind: 'station', service, priorities: { checkout: 0 } }).success).toBe(false);
    expect(station.schema.safeParse({ kind: 'station', service, default_priority: 1 }).success).toBe(false);
    expect(station.schema.safeParse({ kind: 'station', service, discipline: 'priority', priorities: { checkout: 0 } }).success).toBe(true);
  });
});
