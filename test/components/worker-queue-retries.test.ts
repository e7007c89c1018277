import { describe, expect, it } from 'vitest';
import { cpu, queueWorld } from './worker-queue-helpers.js';

const failing = (failure: number | string, max: number, jitter = 'none') => ({
  broker: { latency: { constant: '1ms' } },
  workers: { instances: 1, concurrency: 1 },
  failure,
  retries: { max, backoff: { base: '1s', cap: '1m', jitter } },
  tasks: { t: [{ cpu: { constant: '100ms' } }] },
});

describe('worker_queue: retries, backoff and the dead-letter queue', () => {
  it('retries a failing task after base × 2^n, then dead-letters it: exact times', () => {
    const { w, q, attempts, send } = queueWorld(failing(1, 3), (w) => ({ t: [cpu(w, 0.1)] }));
    send();
    w.sim.run();
    // attempt n ends at publish 1ms + its start + 100ms; retry n waits 1, 2, 4 s
    expect(attempts.map((a) => [a.attempt, a.outcome, Math.round(a.age * 1e6) / 1e6])).toEqual([
      [0, 'retry', 0.101],
      [1, 'retry', 1.201],
      [2, 'retry', 3.301],
      [3, 'dead_lettered', 7.401],
    ]);
    expect(q.report(w.sim.now).extra).toMatchObject({ enqueued: 1, attempts: 4, failed_attempts: 4, retries: 3, dead_lettered: 1, completed: 0, failed_by_error: 0 });
  });

  it('with every attempt failing: dead letters = tasks, retries = max × tasks', () => {
    const { w, q, send } = queueWorld(failing('100%', 2, 'full'), (w) => ({ t: [cpu(w, 0.01)] }));
    for (let k = 0; k < 50; k++) send();
    w.sim.run();
    expect(q.report(w.sim.now).extra).toMatchObject({ enqueued: 50, attempts: 150, failed_attempts: 150, retries: 100, dead_lettered: 50, completed: 0 });
  });

  it('dead-lettered tasks are exactly the tasks that exhausted their retries (p = 0.5, max 2)', () => {
    const N = 4000;
    const { w, q, attempts, send } = queueWorld({ ...failing(0.5, 2, 'decorrelated'), workers: { instances: 2, concurrency: 4, cores: 4 } }, (w) => ({ t: [cpu(w, 0.01)] }), 'dlq');
    for (let k = 0; k < N; k++) w.sim.schedule(k * 0.02, () => send(), null);
    w.sim.run();
    const failures = new Map<number, number>();
    const dead = new Set<number>();
    const done = new Set<number>();
    for (const a of attempts) {
      if (a.outcome === 'retry' || a.outcome === 'dead_lettered') failures.set(a.id, (failures.get(a.id) ?? 0) + 1);
      if (a.outcome === 'dead_lettered') dead.add(a.id);
      if (a.outcome === 'completed') done.add(a.id);
    }
    const exhausted = [...failures].filter(([, n]) => n === 3).map(([id]) => id);
    expect(new Set(exhausted)).toEqual(dead);
    const x = q.report(w.sim.now).extra!;
    expect(x.dead_lettered).toBe(dead.size);
    expect(x.failed_attempts).toBe(x.retries! + x.dead_lettered!);
    expect(x.completed! + x.dead_lettered!).toBe(N);
    expect(done.size + dead.size).toBe(N);
    // P(dead) = 0.5^3: binomial mean 500, sd 20.9; 4 sd
    expect(Math.abs(dead.size - N / 8)).toBeLessThan(4 * Math.sqrt(N * (1 / 8) * (7 / 8)));
  });

  it('a task that fails outright (error mid-flow) counts as a failed attempt and is retried', () => {
    let calls = 0;
    const { w, q, send } = queueWorld(failing(0, 1), (w) => ({
      t: [{ kind: 'flaky', label: 'flaky', run: (req, flow) => (calls++ === 0 ? flow.fail(req, 'pool_timeout') : flow.next(req)) }, cpu(w, 0.01)],
    }));
    send();
    w.sim.run();
    expect(q.report(w.sim.now).extra).toMatchObject({ attempts: 2, failed_attempts: 1, failed_by_error: 1, retries: 1, completed: 1 });
    // the failure reached no client: the one request was answered 202 and nothing else
    expect(w.responses.map((r) => r.status)).toEqual([202]);
  });

  it('task latency of a retried task runs from its first publish', () => {
    let first = true;
    const { w, q, send } = queueWorld(failing(0, 3), (w) => ({
      t: [{ kind: 'flaky', label: 'flaky', run: (req, flow) => { if (first) { first = false; flow.fail(req, 'dropped'); } else flow.next(req); } }, cpu(w, 0.1)],
    }));
    send();
    w.sim.run();
    // publish 1ms, failed at once, 1 s backoff, 100 ms of work
    expect(q.report(w.sim.now).extra!.task_latency_max_ms).toBeCloseTo(1101, 0);
  });
});
