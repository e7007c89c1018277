import { describe, expect, it } from 'vitest';
import { TaskStats } from '../../../src/harness/queue/task-stats.js';

const T = 'record_interaction';

describe('TaskStats', () => {
  it('counts done, failed and retried attempts per task', () => {
    const s = new TaskStats();
    for (let i = 0; i < 4; i++) s.enqueued(T);
    s.started(T, false);
    s.done(T, { enqueuedAt: 1000, startedAt: 1003, doneAt: 1004 });
    s.started(T, false);
    s.failed(T, false); // to be retried
    s.started(T, true);
    s.failed(T, true); // retries exhausted
    s.started(T, false);
    s.failed(T, true); // permanent
    const t = s.snapshot()[T]!;
    expect([t.enqueued, t.done, t.failed, t.retried, t.inFlight]).toEqual([4, 1, 2, 1, 0]);
  });

  it('splits latency into wait and service, with moments and quantiles', () => {
    const s = new TaskStats();
    const waits = [2, 4, 6, 8];
    waits.forEach((w, i) => {
      s.started(T, false);
      s.done(T, { enqueuedAt: 10_000 * i, startedAt: 10_000 * i + w, doneAt: 10_000 * i + w + 1.5 });
    });
    const { latency, wait, service } = s.snapshot()[T]!.ms;
    expect([wait.count, wait.mean, wait.min, wait.max, wait.sum, wait.sumSq]).toEqual([4, 5, 2, 8, 20, 120]);
    expect(wait.sd).toBeCloseTo(Math.sqrt(20 / 3), 12);
    expect([service.mean, service.sd]).toEqual([1.5, 0]);
    expect(latency.sum).toBeCloseTo(wait.sum + service.sum, 9);
    expect([latency.min, latency.max]).toEqual([3.5, 9.5]);
    // HDR at µs resolution, 3 significant digits: the median of {3.5, 5.5, 7.5, 9.5} is its 2nd value.
    expect(latency.p50).toBeCloseTo(5.5, 2);
    expect(latency.p99).toBeCloseTo(9.5, 2);
  });

  it('counts statements by kind, and reset clears all but the in-flight gauge', () => {
    const s = new TaskStats();
    s.statement(T, 'send');
    s.statement(T, 'fetchEmpty');
    s.statement(T, 'fetchEmpty');
    s.started(T, false);
    expect(s.snapshot()[T]!.queries).toEqual({ send: 1, fetch: 0, fetchEmpty: 2, complete: 0, fail: 0, other: 0 });
    s.reset();
    expect(s.snapshot()).toEqual({});
    s.done(T, { enqueuedAt: 0, startedAt: 1, doneAt: 2 });
    expect(s.snapshot()[T]!).toMatchObject({ done: 1, inFlight: 0, enqueued: 0 });
  });

  it('reports zeros, never NaN, for a task with nothing done', () => {
    const s = new TaskStats();
    s.enqueued(T);
    const { latency } = s.snapshot()[T]!.ms;
    expect(latency).toEqual({ count: 0, sum: 0, sumSq: 0, mean: 0, sd: 0, min: 0, max: 0, p50: 0, p90: 0, p95: 0, p99: 0 });
  });
});
