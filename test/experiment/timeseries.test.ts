// The window sampler on a real run: window counts (a shorter last window included), every
// generated request and every response counted in exactly one window, and window queue
// means that add back up to the station's own mean over the measured period.
import { describe, expect, it } from 'vitest';
import type { BuiltModel } from '../../src/build/graph.js';
import { WindowSampler } from '../../src/experiment/timeseries.js';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';
import type { TimeWindow } from '../../src/experiment/results.js';

const model = loadModel('test/fixtures/experiments/station.yaml');

function sampled(window: number, warmup: number, duration: number) {
  let built: BuiltModel | undefined;
  let sampler: WindowSampler | undefined;
  const summary = simulate(model, {
    seed: 3, warmup, duration,
    observe: (b) => { built = b; sampler = new WindowSampler(b, window, warmup + duration); },
  });
  const windows = sampler!.finish(warmup + duration);
  return { summary, built: built!, windows };
}

const spans = (ws: readonly TimeWindow[], end: number) => ws.map((w, i) => (ws[i + 1]?.t ?? end) - w.t);

describe('WindowSampler', () => {
  it('cuts the run into whole windows and a shorter last one', () => {
    expect(sampled(2, 2, 20).windows.map((w) => w.t)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    const odd = sampled(3, 2, 20).windows;
    expect(odd.map((w) => w.t)).toEqual([0, 3, 6, 9, 12, 15, 18, 21]);
    expect(spans(odd, 22).at(-1)).toBe(1);
    expect(sampled(30, 2, 20).windows.map((w) => w.t)).toEqual([0]);
  });

  // rates are rounded to 6 decimals per window, hence the tolerance
  it('counts every request and response in exactly one window', () => {
    const { built, windows } = sampled(3, 2, 20);
    const span = spans(windows, 22);
    const sum = (f: (w: TimeWindow) => number) => windows.reduce((s, w, i) => s + f(w) * span[i]!, 0);
    const generated = built.sources.reduce((n, s) => n + s.generator.generated, 0);
    expect(sum((w) => w.offered)).toBeCloseTo(generated, 4);
    expect(sum((w) => w.throughput) + sum((w) => w.errors)).toBeCloseTo(built.flow.responded, 4);
  });

  it('gives window queue means that add up to the station\'s mean after warm-up', () => {
    const { summary, windows } = sampled(1, 2, 20);
    const measured = windows.filter((w) => w.t >= 2);
    const mean = measured.reduce((s, w) => s + w.queues.q!, 0) / measured.length;
    const report = summary.components.find((c) => c.name === 'q')!;
    // windows are rounded to 4 decimals each
    expect(Math.abs(mean - report.meanQueue!)).toBeLessThan(1e-4);
  });

  it('leaves the run itself unchanged', () => {
    const plain = simulate(model, { seed: 3, warmup: 2, duration: 20 });
    expect(sampled(1, 2, 20).summary).toEqual(plain);
  });
});
