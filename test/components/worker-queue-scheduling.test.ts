import { describe, expect, it } from 'vitest';
import { cpu, queueWorld, sleep } from './worker-queue-helpers.js';

describe('worker_queue: named queues with priorities', () => {
  it('a worker takes from the highest-priority non-empty queue, FIFO within a queue', () => {
    const { w, q, attempts, send } = queueWorld({
      queues: { low: 1, high: 0 },
      workers: { instances: 1, concurrency: 1 },
      tasks: { lo: { queue: 'low', steps: [{ cpu: { constant: '100ms' } }] }, hi: { queue: 'high', steps: [{ cpu: { constant: '100ms' } }] } },
    }, (w) => ({ lo: [cpu(w, 0.1, 'lo')], hi: [cpu(w, 0.1, 'hi')] }));
    for (let k = 0; k < 3; k++) send(0);
    for (let k = 0; k < 3; k++) send(1);
    w.sim.run();
    // task 0 (low) starts on arrival; then every high task before the remaining low ones
    expect(attempts.map((a) => `${a.task}${a.id}`)).toEqual(['lo0', 'hi3', 'hi4', 'hi5', 'lo1', 'lo2']);
    const x = q.report(w.sim.now).extra!;
    expect(x['queue.low.max_depth']).toBe(2);
    expect(x['queue.high.max_depth']).toBe(3);
    expect(x['task.hi.completed']).toBe(3);
  });
});

describe('worker_queue: beat', () => {
  it('publishes a periodic task every interval, first after one interval (Celery beat)', () => {
    const { w, q, attempts } = queueWorld({ beat: [{ task: 'tick', every: '1m' }], tasks: { tick: [{ cpu: { constant: '1ms' } }] } }, (w) => ({ tick: [cpu(w, 0.001)] }));
    w.sim.run({ until: 300.5 });
    expect(attempts.length).toBe(5);
    expect(q.report(w.sim.now).extra).toMatchObject({ enqueued: 5, completed: 5 });
  });

  it('starts at `start` when given', () => {
    const { w, attempts } = queueWorld({ beat: [{ task: 'tick', every: '1m', start: 0 }, { task: 'tock', every: '30s', start: '10s' }], tasks: { tick: [{ cpu: { constant: '1ms' } }], tock: [{ cpu: { constant: '1ms' } }] } },
      (w) => ({ tick: [cpu(w, 0.001, 'tick')], tock: [cpu(w, 0.001, 'tock')] }));
    w.sim.run({ until: 300.5 });
    expect(attempts.filter((a) => a.task === 'tick').length).toBe(6); // 0, 60, …, 300
    expect(attempts.filter((a) => a.task === 'tock').length).toBe(10); // 10, 40, …, 280
  });
});

describe('worker_queue: scaling (Scalable)', () => {
  const config = { workers: { instances: 1, concurrency: 1, startup: '30s', price_per_hour: 1 }, broker: { latency: { constant: '1ms' } }, tasks: { t: [{ sleep: { constant: '10s' } }] } };

  it('new instances take tasks after their start-up delay; cost follows instance-seconds', () => {
    const { w, q, attempts, send } = queueWorld(config, (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 6; k++) send();
    q.scaleTo(3);
    expect([q.replicas, q.starting]).toEqual([1, 2]);
    w.sim.run({ until: 29 });
    expect(attempts.map((a) => a.id)).toEqual([0, 1]); // one instance: 0.001–10.001, 10.001–20.001
    w.sim.run({ until: 31 });
    expect([q.replicas, q.starting]).toEqual([3, 0]);
    w.sim.run({ until: 60 });
    // at 30 s instance 1 is on task 2 (since 20.001); instances 2 and 3 take 3 and 4; 5 follows at 30.001
    expect(attempts.map((a) => [a.id, Math.round(a.age * 1e3) / 1e3])).toEqual([[0, 10.001], [1, 20.001], [2, 30.001], [3, 40], [4, 40], [5, 40.001]]);
    q.scaleTo(1);
    expect([q.replicas, q.starting]).toEqual([1, 0]);
    w.sim.run({ until: 90 });
    const r = q.report(90);
    // billed: 3 instances for 60 s (two of them starting for 30), then 1 for 30 s
    expect(r.extra!.mean_workers).toBeCloseTo((3 * 60 + 1 * 30) / 90, 12);
    expect(r.costPerHour).toBeCloseTo((3 * 60 + 1 * 30) / 90, 12);
  });

  it('scaling in drains: a busy instance finishes its task, takes no new one, then leaves', () => {
    const { w, q, attempts, send } = queueWorld({ ...config, workers: { ...config.workers, instances: 2 } }, (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 3; k++) send();
    w.sim.run({ until: 5 });
    q.scaleTo(1);
    expect(q.fleet.live.map((x) => x.state)).toEqual(['up', 'draining']);
    w.sim.run();
    // task 2 waited for instance 1 (at 10.001), not the draining instance 2
    expect(attempts.map((a) => [a.id, Math.round(a.age * 1e3) / 1e3])).toEqual([[0, 10.001], [1, 10.001], [2, 20.001]]);
    expect(q.fleet.live.map((x) => x.state)).toEqual(['up']);
  });

  it('removes starting instances before running ones, and can scale to zero', () => {
    const { q } = queueWorld(config, (w) => ({ t: [sleep(w, 10)] }));
    q.scaleTo(4);
    q.scaleTo(2);
    expect(q.fleet.live.map((x) => [x.index, x.state])).toEqual([[1, 'up'], [2, 'starting']]);
    q.scaleTo(0);
    expect([q.replicas, q.starting, q.fleet.live.length]).toEqual([0, 0, 0]);
    expect(() => q.scaleTo(1.5)).toThrow(/integer >= 0 \(got 1.5\)/);
  });

  it('queue_depth_per_worker averages the ready depth since the previous call', () => {
    const { w, q, send } = queueWorld(config, (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 5; k++) send();
    w.sim.run({ until: 10 });
    // 4 ready from 1 ms to 10 s
    expect(q.metric('queue_depth_per_worker', 10)).toBeCloseTo((4 * 9.999) / 10, 12);
    w.sim.run({ until: 20 });
    // 4 until 10.001, then 3
    expect(q.metric('queue_depth_per_worker', 20)).toBeCloseTo((4 * 0.001 + 3 * 9.999) / 10, 12);
    // each metric keeps its own cursor: the first call for queue_depth averages from the start
    expect(q.metric('queue_depth', 20)).toBeCloseTo((4 * 10 + 3 * 9.999) / 20, 12);
  });

  it('cpu is the workers’ CPU utilisation since the previous call; unknown metrics are refused', () => {
    const { w, q, send } = queueWorld({ ...config, workers: { instances: 2, concurrency: 1, cores: 1 }, tasks: { t: [{ cpu: { constant: '10s' } }] } }, (w) => ({ t: [cpu(w, 10)] }));
    send();
    w.sim.run({ until: 20 });
    // one of two cores busy from 1 ms to 10.001 s
    expect(q.metric('cpu', 20)).toBeCloseTo(10 / 40, 12);
    expect(() => q.metric('memory', 20)).toThrow(/unknown metric "memory"; allowed: queue_depth_per_worker, queue_depth, cpu/);
  });
});
