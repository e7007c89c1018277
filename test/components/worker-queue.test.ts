import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analytic/mmc.js';
import { LatencyHistogram } from '../../src/engine/stats/histogram.js';
import { cpu, poisson, queueWorld, sleep } from './worker-queue-helpers.js';

const oneWorker = { broker: { latency: { constant: '1ms' } }, workers: { instances: 1, concurrency: 1 } };

describe('worker_queue: publishing and running tasks', () => {
  it('answers 202 at once while tasks queue behind one worker: latencies publish + k × service', () => {
    const { w, q, attempts, send } = queueWorld({ ...oneWorker, tasks: { t: [{ cpu: { constant: '100ms' } }] } }, (w) => ({ t: [cpu(w, 0.1)] }));
    for (let k = 0; k < 5; k++) send();
    w.sim.run();
    expect(w.responses.map((r) => [r.status, r.respondedAt])).toEqual(Array.from({ length: 5 }, () => [202, 0]));
    expect(attempts.map((a) => a.outcome)).toEqual(Array(5).fill('completed'));
    expect(attempts.map((a) => Math.round(a.age * 1e6) / 1e3)).toEqual([101, 201, 301, 401, 501]);
    const r = q.report(w.sim.now);
    expect(r.extra).toMatchObject({ enqueued: 5, attempts: 5, completed: 5, retries: 0, dead_lettered: 0, ready_now: 0, running_now: 0 });
    // 4 tasks waited 0.1, 0.2, 0.3, 0.4 s behind the first: mean depth = area / span
    expect(r.meanQueue).toBeCloseTo((0.1 * 4 + 0.1 * 3 + 0.1 * 2 + 0.1 * 1) / 0.501, 9);
    expect(r.maxQueue).toBe(4);
    expect(Math.abs(r.extra!.task_latency_p50_ms! / 301 - 1)).toBeLessThan(1 / 256); // the histogram's bound
    // the request's flow ended once the broker had its task; the runner counted only requests
    expect([w.flow.started, w.flow.responded]).toEqual([5, 5]);
  });

  it('resumes the publishing request only after the broker latency', () => {
    const { w, send } = queueWorld({ broker: { latency: { constant: '3ms' } }, tasks: { t: [{ sleep: { constant: '1s' } }] } }, (w) => ({ t: [sleep(w, 1)] }));
    const req = send();
    w.sim.run({ until: 0.002 });
    expect(req.ended).toBe(false);
    w.sim.run({ until: 0.004 });
    expect(req.ended).toBe(true);
  });

  it('copies the request’s keys into the task', () => {
    const seen: number[][] = [];
    const { w, send } = queueWorld({ tasks: { t: [{ cpu: { constant: '1ms' } }] } }, (w) => ({
      t: [{ kind: 'spy', label: 'spy', run: (req, flow) => { seen.push([...req.keys]); flow.next(req); } }, cpu(w, 0.001)],
    }));
    send(0, [42, 7]);
    w.sim.run();
    expect(seen).toEqual([[42, 7]]);
  });

  it('matches M/M/c: 2 workers × 2 slots with a core each, Poisson publishes', () => {
    const lambda = 30;
    const mu = 10;
    const { w, q, attempts, send } = queueWorld({
      broker: { latency: { constant: '2ms' } },
      workers: { instances: 2, concurrency: 2, cores: 2 },
      tasks: { t: [{ cpu: { exponential: { mean: '100ms' } } }] },
    }, (w) => ({ t: [cpu(w, { exponential: { mean: 0.1 } })] }), 'mmc');
    const T = 4000;
    poisson(w, lambda, T, () => send());
    w.sim.run({ until: 200 });
    q.resetStats(w.sim.now);
    w.sim.run();
    const exact = mmc({ lambda, mu, c: 4 });
    const h = new LatencyHistogram();
    for (const a of attempts) if (a.outcome === 'completed') h.record(a.age);
    const r = q.report(w.sim.now);
    // task latency = publish + sojourn; seeds a, b, c gave errors of 0.01%, 0.8%, 0.4% on W
    // and 0.2%, 1.8%, 0.1% on Lq: the bounds are about four times the spread
    expect(Math.abs(r.extra!.task_latency_mean_ms! / 1000 - 0.002 - exact.W) / exact.W).toBeLessThan(0.04);
    expect(Math.abs(r.meanQueue! - exact.Lq) / exact.Lq).toBeLessThan(0.08);
    expect(Math.abs(r.utilisation! - exact.rho)).toBeLessThan(0.01);
    expect(r.extra!.slot_utilisation).toBeCloseTo(r.utilisation!, 2);
    // every response is a 202 sent at the request's start: the task is not in it
    expect(w.responses.every((x) => x.status === 202 && x.respondedAt === x.startedAt)).toBe(true);
    expect(h.count).toBeGreaterThan(0.99 * lambda * T);
  });
});
