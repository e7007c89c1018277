import { describe, expect, it } from 'vitest';
import { cpu, queueWorld, sleep } from './worker-queue-helpers.js';

const crashy = (acksLate: boolean) => ({
  broker: { latency: { constant: '1ms' } },
  workers: { instances: 1, concurrency: 2, cores: 1, restart: '10s' },
  acks_late: acksLate,
  crashes: [{ at: '5s', worker: 1 }],
  tasks: { t: [{ sleep: { constant: '10s' } }] },
});

const outcomes = (attempts: { id: number; outcome: string; age: number }[]) =>
  attempts.map((a) => [a.id, a.outcome, Math.round(a.age * 1e6) / 1e6]);

describe('worker_queue: worker crashes and acks-late redelivery', () => {
  it('acks_late: the running tasks go back to the queue and run again after the restart', () => {
    const { w, q, attempts, send } = queueWorld(crashy(true), (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 3; k++) send();
    w.sim.run();
    // 0 and 1 run from 1ms and die at 5 s; 2 waits; the worker is back at 15 s and takes 2, 0, then 1
    expect(outcomes(attempts)).toEqual([[0, 'redelivered', 5], [1, 'redelivered', 5], [2, 'completed', 25], [0, 'completed', 25], [1, 'completed', 35]]);
    expect(q.report(w.sim.now).extra).toMatchObject({ crashes: 1, redelivered: 2, lost: 0, completed: 3, attempts: 5, running_now: 0, scheduled_now: 0 });
  });

  it('acks on receipt (Celery’s default): the running tasks are lost', () => {
    const { w, q, attempts, send } = queueWorld(crashy(false), (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 3; k++) send();
    w.sim.run();
    expect(outcomes(attempts)).toEqual([[0, 'lost', 5], [1, 'lost', 5], [2, 'completed', 25]]);
    expect(q.report(w.sim.now).extra).toMatchObject({ crashes: 1, redelivered: 0, lost: 2, completed: 1 });
  });

  it('the dead tasks’ CPU does not slow the restarted worker', () => {
    const { w, attempts, send } = queueWorld({ ...crashy(true), tasks: { t: [{ cpu: { constant: '10s' } }] } }, (w) => ({ t: [cpu(w, 10)] }));
    for (let k = 0; k < 3; k++) send();
    w.sim.run();
    // two tasks share one core (rate 1/2): restarted at 15 s, 2 and 0 finish at 35 s; 1 alone at 45 s
    expect(outcomes(attempts)).toEqual([[0, 'redelivered', 5], [1, 'redelivered', 5], [2, 'completed', 35], [0, 'completed', 35], [1, 'completed', 45]]);
  });

  it('waits out the redelivery delay (a Redis visibility timeout) before the task is back', () => {
    const { w, attempts, send } = queueWorld({ ...crashy(true), workers: { instances: 2, concurrency: 1 }, redelivery_delay: '1m' }, (w) => ({ t: [sleep(w, 10)] }));
    send();
    w.sim.run();
    // worker 1 dies at 5 s; the task is back at 65 s and worker 2 runs it
    expect(outcomes(attempts)).toEqual([[0, 'redelivered', 5], [0, 'completed', 75]]);
  });

  it('crash() is a no-op on an instance that is not running; instances are found by number or name', () => {
    const { w, q } = queueWorld({ workers: { instances: 2, restart: '10s' }, tasks: { t: [{ sleep: { constant: '1s' } }] } }, (w) => ({ t: [sleep(w, 1)] }));
    expect(q.crash('q/2')).toBe(true);
    expect(q.crash(2)).toBe(false);
    expect(q.crash(9)).toBe(false);
    expect(q.replicas).toBe(2); // a crashed instance is still a replica: it restarts
    w.sim.run({ until: 10 });
    expect(q.crash(2)).toBe(true);
  });
});
