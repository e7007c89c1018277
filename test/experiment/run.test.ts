// A whole experiment on a two-server station: results are byte-identical for 1 and 2 worker
// threads; the paired comparison finds the planted difference (service twice as fast) and
// finds exactly none between two identical strategies; common random numbers give every
// strategy the same arrivals; the 10x check and the time series are where they belong.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExperiment, runExperiment, type ExperimentResults, type ResultRow } from '../../src/experiment/index.js';

const FILE = 'test/fixtures/experiments/compare.yaml';
let inProcess: ExperimentResults;
let threaded: ExperimentResults;

beforeAll(async () => {
  const exp = loadExperiment(FILE);
  inProcess = (await runExperiment(exp, { workers: 1 })).results;
  threaded = (await runExperiment(exp, { workers: 2 })).results;
}, 60_000);

const row = (strategy: string, rate: number): ResultRow => inProcess.rows.find((r) => r.strategy === strategy && r.point.rate === rate)!;

describe('runExperiment', () => {
  it('gives the same bytes on 1 and 2 worker threads', () => {
    expect(JSON.stringify(threaded, null, 2)).toBe(JSON.stringify(inProcess, null, 2));
  });

  it('has one row per strategy and point, in the file\'s order', () => {
    expect(inProcess.rows.map((r) => `${r.strategy}@${r.point.rate}`)).toEqual([
      'baseline@50', 'baseline@120', 'twin@50', 'twin@120', 'fast@50', 'fast@120',
    ]);
    expect(inProcess.rows.every((r) => r.throughput.n === 3 && r.p95Ms.n === 3)).toBe(true);
    expect(inProcess.experiment).toMatchObject({ name: 'compare', seed: 7, replications: 3, duration: 20, warmup: 2, baseline: 'baseline' });
  });

  it('detects the planted difference with a paired interval excluding 0', () => {
    for (const rate of [50, 120]) {
      const d = row('fast', rate).vsBaseline!.p95Ms;
      expect(d.significant).toBe(true);
      expect(d.high!).toBeLessThan(0);
      expect(d.mean).toBeCloseTo(row('fast', rate).p95Ms.mean - row('baseline', rate).p95Ms.mean, 5);
    }
  });

  it('finds exactly no difference between two identical strategies', () => {
    for (const rate of [50, 120]) {
      const twin = row('twin', rate);
      const { vsBaseline, strategy, ...figures } = twin;
      const { strategy: _s, ...base } = row('baseline', rate);
      expect(figures).toEqual(base);
      for (const d of Object.values(vsBaseline!)) expect(d).toEqual({ mean: 0, low: 0, high: 0, n: 3, significant: false });
    }
  });

  it('offers every strategy the same arrivals (common random numbers)', () => {
    for (const rate of [50, 120]) {
      expect(row('fast', rate).offered).toBe(row('baseline', rate).offered);
      expect(Math.abs(row('baseline', rate).offered / rate - 1)).toBeLessThan(0.1);
    }
  });

  it('judges rows on the mean figures', () => {
    for (const r of inProcess.rows) {
      expect(r.slo.map((v) => v.text)).toEqual(['p95 < 40ms', 'errors < 1%']);
      expect(r.slo[0]!.pass).toBe(r.p95Ms.mean < 40);
      expect(r.pass).toBe(r.slo.every((v) => v.pass));
    }
    expect(row('baseline', 120).pass).toBe(false); // M/M/2 at utilisation 0.6: p95 ≈ 49 ms
    expect(row('fast', 120).pass).toBe(true);
  });

  it('runs each strategy at the 10x base and at 10 times it', () => {
    expect(inProcess.tenX.map((t) => t.strategy)).toEqual(['baseline', 'twin', 'fast']);
    for (const t of inProcess.tenX) {
      expect(Math.abs(t.baseOffered / 10 - 1)).toBeLessThan(0.15);
      expect(Math.abs(t.tenXOffered / 100 - 1)).toBeLessThan(0.1);
      expect(t.pass).toBe(t.p95Ms < 40 && t.errorRate < 0.01);
    }
  });

  it('samples the time series in 2 s windows over warm-up and run', () => {
    const [ts] = inProcess.timeseries;
    expect(ts).toMatchObject({ strategy: 'fast', point: { rate: 120 }, window: 2 });
    expect(ts!.windows.map((w) => w.t)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(Object.keys(ts!.windows[0]!.queues)).toEqual(['q']);
  });

  it('uses utilisation and cost from the component reports', () => {
    const r = row('baseline', 50);
    expect(r.components.map((c) => c.name)).toEqual(['q']);
    // λ E[S] / c = 50 × 0.01 / 2 = 0.25 in theory; three 20 s runs land near it
    expect(Math.abs(r.busiest.utilisation - 0.25)).toBeLessThan(0.04);
    expect(r.costPerHour).toBe(1); // two servers at $0.50
  });
});
