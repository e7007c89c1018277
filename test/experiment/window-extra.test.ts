// The extra per-window series on real runs: worker queue depth, task p95 and worker count;
// autoscaled replica counts agreeing with the autoscaler's own report; and the window cost
// rates adding back up to the run summary's cost per hour over the measured period.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuiltModel } from '../../src/build/graph.js';
import type { TimeWindow } from '../../src/experiment/results.js';
import { WindowSampler } from '../../src/experiment/timeseries.js';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

const WARMUP = 30;
const DURATION = 60;

function sampled(path: string) {
  let built: BuiltModel | undefined;
  let sampler: WindowSampler | undefined;
  const summary = simulate(loadModel(path), {
    seed: 1, warmup: WARMUP, duration: DURATION,
    observe: (b) => { built = b; sampler = new WindowSampler(b, 5, WARMUP + DURATION); },
  });
  return { summary, built: built!, windows: sampler!.finish(WARMUP + DURATION) };
}

/** Mean cost per hour over the measured windows (5 s each, warm-up a whole number of them). */
const measuredCost = (ws: readonly TimeWindow[]) => {
  const measured = ws.filter((w) => w.t >= WARMUP);
  return measured.reduce((s, w) => s + w.extra!.cost_per_hour!, 0) / measured.length;
};

describe('WindowExtras', () => {
  it('adds nothing to a run without autoscalers or worker queues', () => {
    const { windows } = sampled('models/scaled.yaml');
    expect(windows.every((w) => w.extra === undefined)).toBe(true);
  });

  it('a worker queue: its depth, task p95 per window and worker count; cost adds up', () => {
    const { summary, windows } = sampled('models/scaled-async.yaml');
    expect(windows).toHaveLength(18);
    for (const w of windows) {
      expect(w.extra!['replicas.tasks']).toBe(2);
      expect(w.extra!['depth.tasks']).toBe(w.queues.tasks);
      // a task is one ~1 ms CPU step and one insert: a few ms from publish to done
      expect(w.extra!['task_p95_ms.tasks']).toBeGreaterThan(1);
      expect(w.extra!['task_p95_ms.tasks']).toBeLessThan(20);
    }
    expect(measuredCost(windows)).toBeCloseTo(summary.cost.perHour, 3);
  });

  it('an autoscaled tier: replicas + starting is what the autoscaler asked for; cost adds up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'window-extra-'));
    const path = join(dir, 'surge.yaml');
    writeFileSync(path, readFileSync('models/scaled-autoscaled.yaml', 'utf8').replace(/users: 200\n/, 'users: 2000\n'));
    const { summary, windows } = sampled(path);
    const hpa = summary.components.find((c) => c.name === 'hpa')!.extra!;
    const last = windows.at(-1)!.extra!;
    expect(last['replicas.app']! + last['starting.app']!).toBe(hpa.replicas);
    const counts = windows.map((w) => w.extra!['replicas.app']!);
    expect(counts[0]).toBe(1);
    expect(Math.max(...counts)).toBeGreaterThan(1);
    expect(measuredCost(windows)).toBeCloseTo(summary.cost.perHour, 3);
  });
});
