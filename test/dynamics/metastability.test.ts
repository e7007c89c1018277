// Metastability: the shipped retry-storm model (a 20s spike, 1s client timeouts, immediate
// retries) stays overloaded after the spike is gone; the same model with backoff and a 10%
// retry budget recovers, and the run says when. Both see the same calls (same seed, same
// arrival streams), so the difference is the clients alone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientReport } from '../../src/workload/client/report.js';
import { join } from 'node:path';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

const models = join(import.meta.dirname, '../../models');
// 30s warm-up, then 2m30s measured: the spike runs from 60s to 80s, the run ends at 180s
const run = (name: string) => simulate(loadModel(join(models, `${name}.yaml`)), { warmup: 30, duration: 150 }).clients![0]!;

describe('metastable failure and recovery', () => {
  let storm: ClientReport;
  let fixed: ClientReport;
  beforeAll(() => {
    storm = run('retry-storm');
    fixed = run('retry-storm-fixed');
  }, 30_000); // two 3-minute runs: a few seconds, more on a busy machine
  const tail = (a: number[]) => a.slice(10); // windows after the spike (from 100s)

  it('both were healthy before the trigger and degraded when it hit', () => {
    expect(storm.recovery.degradedAt).toBe(60);
    expect(fixed.recovery.degradedAt).toBe(60);
    expect(storm.series.offered).toEqual(fixed.series.offered);
  });

  it('without backoff and a budget the overload persists after the spike: goodput stays at zero', () => {
    expect(storm.recovery).toMatchObject({ status: 'not_recovered', recoveredAt: null });
    expect(tail(storm.series.goodput).every((g) => g === 0)).toBe(true);
    // every call now times out and is retried 3 times: nearly 4 attempts per call
    const offered = tail(storm.series.offered).reduce((a, b) => a + b, 0);
    const attempts = tail(storm.series.attempts).reduce((a, b) => a + b, 0);
    expect(attempts / offered).toBeGreaterThan(3.5);
    expect(storm.lateResponses).toBeGreaterThan(storm.succeeded);
  });

  it('with backoff and a retry budget it recovers soon after the spike ends, and stays recovered', () => {
    expect(fixed.recovery.status).toBe('recovered');
    expect(fixed.recovery.recoveredAt).toBeGreaterThanOrEqual(80);
    expect(fixed.recovery.recoveredAt).toBeLessThanOrEqual(120);
    for (const [k, g] of tail(fixed.series.goodput).entries()) expect(g).toBeGreaterThanOrEqual(0.9 * fixed.series.offered[k + 10]!);
    // the budget bounds the extra load: at most 10% retries plus the burst of 10
    expect(fixed.retries).toBeLessThanOrEqual(0.1 * fixed.calls + 10);
    expect(fixed.amplification).toBeLessThanOrEqual(1.1);
  });
});
