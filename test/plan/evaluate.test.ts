// One configuration judged over replications: common random numbers (the same seeds for
// every configuration), the mean or the pessimistic 95% bound, and the headroom left.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meanCI } from '../../src/engine/stats/confidence.js';
import { parseSlo } from '../../src/experiment/slo.js';
import { evaluate } from '../../src/plan/evaluate.js';
import { modelKnobs, withValues } from '../../src/plan/knobs.js';
import { loadModel } from '../../src/run/load-model.js';

const loaded = loadModel(join(import.meta.dirname, 'fixtures', 'mmc.yaml'));
const slo = (t: string) => { const r = parseSlo(t); if (!r.ok) throw new Error(t); return r.value; };
const model = withValues(loaded.model, modelKnobs(loaded.model), [3]);
const settings = { seed: 7, duration: 30, warmup: 5, replications: 3 };

describe('evaluate', () => {
  const mean = evaluate(loaded, model, { 'q.servers': 3 }, [slo('p95 < 250ms'), slo('throughput > 19/s')], { ...settings, verdict: 'mean' });
  const bound = evaluate(loaded, model, { 'q.servers': 3 }, [slo('p95 < 250ms'), slo('throughput > 19/s')], { ...settings, verdict: 'bound' });

  it('judges the mean over the replications and says how much room is left', () => {
    const p95s = mean.runs.map((r) => r.overall.latencyMs.p95!);
    const value = p95s.reduce((a, b) => a + b, 0) / p95s.length;
    expect(mean.candidate.slo[0]!.value).toBeCloseTo(value, 5);
    expect(mean.candidate.slo[0]!.headroom).toBeCloseTo((250 - value) / 250, 5);
    expect(mean.candidate.figures.p95Ms).toBeCloseTo(value, 5);
    expect(mean.candidate.costPerHour).toBeCloseTo(0.3, 9);
  });

  it('judges the pessimistic end of the 95% interval under verdict: bound', () => {
    const ci = meanCI(bound.runs.map((r) => r.overall.latencyMs.p95!));
    expect(bound.candidate.slo[0]!.value).toBeCloseTo(ci.upper!, 5);
    const tput = meanCI(bound.runs.map((r) => r.overall.throughput));
    expect(bound.candidate.slo[1]!.value).toBeCloseTo(tput.lower!, 5); // a ">" SLO: the low end
  });

  it('uses the same seeds for every configuration (common random numbers)', () => {
    expect(bound.runs.map((r) => r.seed)).toEqual(mean.runs.map((r) => r.seed));
    expect(new Set(mean.runs.map((r) => r.seed)).size).toBe(3);
  });
});
