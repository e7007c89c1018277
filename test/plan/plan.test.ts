// planCapacity against queueing theory: on an M/M/c station whose only knob is the number
// of servers, the plan must be exactly the smallest c whose exact sojourn-time p95 (Erlang C)
// is below the target; on a two-station tandem it must match brute force over the same grid
// with fewer simulations.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mmcSojournQuantile } from '../../src/analytic/mmc.js';
import { parseSlo } from '../../src/experiment/slo.js';
import { evaluate } from '../../src/plan/evaluate.js';
import { modelKnobs, withValues } from '../../src/plan/knobs.js';
import { applyLoad } from '../../src/plan/load.js';
import { planCapacity } from '../../src/plan/plan.js';
import type { PlanResult } from '../../src/plan/types.js';
import { loadModel } from '../../src/run/load-model.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

describe('planCapacity on M/M/c (theory knows the answer)', () => {
  const lambda = 40;
  const mu = 10;
  const targetMs = 370;
  const p95 = (c: number) => mmcSojournQuantile({ lambda, mu, c }, 0.95) * 1000;
  // the smallest c with λ < cμ whose p95 meets the target
  let best = Math.floor(lambda / mu) + 1;
  while (p95(best) >= targetMs) best++;

  it('the chosen parameters are not a knife edge', () => {
    expect(best).toBe(6);
    expect(p95(best)).toBeLessThan(targetMs * 0.9); // 323.8 ms: passes by 12%
    expect(p95(best - 1)).toBeGreaterThan(targetMs * 1.1); // 419.7 ms: fails by 13%
  });

  let result: PlanResult;
  beforeAll(() => {
    result = planCapacity(loadModel(fixture('mmc.yaml')), { load: { rate: lambda }, slos: [`p95 < ${targetMs}ms`, 'errors < 0.1%'] });
  });

  it('finds exactly that number of servers, at its price', () => {
    expect(result.plan?.config).toEqual({ 'q.servers': best });
    expect(result.plan?.costPerHour).toBeCloseTo(0.1 * best, 9);
    expect(result.plan?.slo[0]?.value).toBeGreaterThan(p95(best) * 0.95);
    expect(result.plan?.slo[0]?.value).toBeLessThan(p95(best) * 1.05);
  });

  it('shows the one-server-fewer near miss failing on p95, and a dearer runner-up', () => {
    expect(result.nearMiss?.config).toEqual({ 'q.servers': best - 1 });
    expect(result.nearMiss?.why).toMatch(/^p95 \d+(\.\d+)? ms misses < 370 ms/);
    expect(result.runnersUp.map((c) => c.config['q.servers'])).toEqual([best + 1]);
  });

  it('scales the load and never simulates below the utilisation bound ρ < 1', () => {
    expect(result.load).toMatchObject({ type: 'open_loop', rate: lambda });
    const knob = result.knobs[0]!;
    expect(knob.bound).toBeGreaterThanOrEqual(Math.floor(lambda / mu)); // 4 or 5 as measured
    expect(knob.bound).toBeLessThanOrEqual(lambda / mu + 1);
    expect(Math.min(...result.evaluated.map((c) => c.config['q.servers']!))).toBe(knob.bound);
    expect(result.search.simulations).toBe(1 + result.search.evaluations * 3);
  });
});

describe('planCapacity on a two-station tandem', () => {
  const loaded = loadModel(fixture('tandem.yaml'));
  const options = { load: { rate: 40 }, slos: ['p95 < 400ms', 'errors < 0.1%'], replications: 2, duration: 60, warmup: 10 };
  let result: PlanResult;
  beforeAll(() => {
    result = planCapacity(loaded, options);
  });

  it('runs fewer simulations than brute force over its grid', () => {
    expect(result.knobs.map((k) => k.id)).toEqual(['a.servers', 'b.servers']);
    expect(result.search.gridSize).toBe(result.knobs[0]!.values.length * result.knobs[1]!.values.length);
    expect(result.search.simulations).toBeLessThan(result.search.bruteForceSimulations / 2);
  });

  it('finds the cheapest passing configuration brute force finds on the same grid', () => {
    const target = applyLoad(loaded.model, options.load, 70);
    const knobs = modelKnobs(loaded.model);
    const slos = options.slos.map((s) => { const r = parseSlo(s); if (!r.ok) throw new Error(s); return r.value; });
    const settings = { seed: 1, duration: 60, warmup: 10, replications: 2, verdict: 'mean' as const };
    let cheapest = Infinity;
    for (const a of result.knobs[0]!.values) {
      for (const b of result.knobs[1]!.values) {
        if (0.1 * a + 0.25 * b >= cheapest) continue; // dearer than a pass already found
        const e = evaluate(loaded, withValues(target, knobs, [a, b]), { a, b }, slos, settings);
        if (e.candidate.pass) cheapest = e.candidate.costPerHour;
      }
    }
    expect(result.plan?.costPerHour).toBeCloseTo(cheapest, 9);
  });
});
