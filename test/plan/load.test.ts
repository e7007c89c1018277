// --load scales open-loop rate profiles by one factor; --users shares a population among
// closed-loop sources; the throughput the bounds assume follows the SLOs.
import { describe, expect, it } from 'vitest';
import { parseSlo } from '../../src/experiment/slo.js';
import type { NormalizedModel } from '../../src/model/normalize.js';
import { applyLoad, boundThroughput, scaleProfile } from '../../src/plan/load.js';
import { loadModel } from '../../src/run/load-model.js';
import { openLoopLoad } from '../../src/workload/offered.js';

const slo = (t: string) => { const r = parseSlo(t); if (!r.ok) throw new Error(t); return r.value; };
const mmc = loadModel('models/mmc.yaml').model;
const web = loadModel('models/monolith.yaml').model;

function withTraffic(model: NormalizedModel, traffic: unknown[]): NormalizedModel {
  return { ...model, traffic: traffic as NormalizedModel['traffic'] };
}

describe('scaleProfile', () => {
  it('multiplies every rate and keeps times', () => {
    expect(scaleProfile({ constant: 10 }, 3)).toEqual({ constant: 30 });
    expect(scaleProfile({ ramp: { from: 1, to: 5, over: 60, start: 10 } }, 2)).toEqual({ ramp: { from: 2, to: 10, over: 60, start: 10 } });
    expect(scaleProfile({ steps: [{ at: 0, rate: 4 }, { at: 30, rate: 8 }] }, 0.5)).toEqual({ steps: [{ at: 0, rate: 2 }, { at: 30, rate: 4 }] });
  });
});

describe('applyLoad', () => {
  it('scales open-loop sources so their mean rates add up to the target', () => {
    const two = withTraffic(mmc, [
      { type: 'open_loop', rate: { constant: 1 }, poisson: true, mix: { job: 1 } },
      { type: 'open_loop', rate: { ramp: { from: 0, to: 6, over: 100, start: 0 } }, poisson: true, mix: { job: 1 } },
    ]);
    const scaled = applyLoad(two, { rate: 40 }, 100);
    const means = scaled.traffic.map((s) => openLoopLoad(s as never, 100).meanRate);
    expect(means[0]! + means[1]!).toBeCloseTo(40, 9);
    expect(means[1]! / means[0]!).toBeCloseTo(3, 9); // the mix of sources is kept
  });

  it('shares users among closed-loop sources, adding up exactly', () => {
    const two = withTraffic(web, [web.traffic[0]!, { ...web.traffic[0]!, users: 600 }]);
    const shared = applyLoad(two, { users: 1001 }, 60).traffic.map((s) => (s as { users: number }).users);
    expect(shared).toEqual([250, 751]);
  });

  it('refuses a rate for closed-loop traffic, and users for open-loop', () => {
    expect(() => applyLoad(web, { rate: 100 }, 60)).toThrow(/--load sets an open-loop rate, but the model's traffic is closed_loop\n  hint: use --users N/);
    expect(() => applyLoad(mmc, { users: 10 }, 60)).toThrow(/--users sets a closed-loop population, but the model has no closed_loop source/);
  });
});

describe('boundThroughput', () => {
  it('is the open-loop rate less the errors allowed', () => {
    expect(boundThroughput(mmc, [slo('p95 < 5s'), slo('errors < 1%')], 60)).toBeCloseTo(3.6 * 0.99, 12);
    expect(boundThroughput(mmc, [slo('p95 < 5s')], 60)).toBeCloseTo(3.6, 12);
  });

  it('is N / (Z + R) for closed loops, R the tightest mean/p95/p99 target', () => {
    // monolith: 200 users thinking between(1s, 3s), mean Z = 2s
    expect(boundThroughput(web, [slo('p95 < 200ms'), slo('p99 < 1s')], 60)).toBeCloseTo(200 / 2.2, 9);
    expect(boundThroughput(web, [slo('p50 < 100ms')], 60)).toBe(0);
    expect(boundThroughput(web, [slo('p50 < 100ms'), slo('throughput >= 50/s')], 60)).toBe(50);
  });
});
