import { describe, expect, it } from 'vitest';
import { workerQueueSchema } from '../../src/components/worker-queue/schema.js';
import { resolveQueue } from '../../src/components/worker-queue/settings.js';
import { testPrices } from './env.js';

const task = [{ cpu: { constant: '1ms' } }];
const parse = (body: Record<string, unknown>) => workerQueueSchema.safeParse({ kind: 'worker_queue', tasks: { t: task }, ...body });
const problems = (body: Record<string, unknown>) => {
  const r = parse(body);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('worker_queue schema', () => {
  it('fills Celery-like defaults', () => {
    const r = parse({});
    expect(r.success).toBe(true);
    const s = resolveQueue(r.data!, testPrices);
    expect(s).toMatchObject({
      instances: 1, concurrency: 1, cores: 1, startup: 30, restart: 10, acksLate: false, redeliveryDelay: 0,
      queues: [{ name: 'default', priority: 0 }], beat: [], crashes: [], workerPrice: 0, brokerPrice: 0,
    });
    expect(s.latency.mean).toBe(0.001);
    expect(s.tasks[0]).toMatchObject({ name: 't', queue: 0, failure: 0, maxRetries: 3, backoff: { base: 1, cap: 600 } });
  });

  it('resolves queues by priority, task overrides, concurrency from cores, prices', () => {
    const r = parse({
      queues: { bulk: 9, critical: 0, default: 5 },
      workers: { cores: 2.5, instance_type: 'm5.large' },
      broker: { price_per_hour: 0.05 },
      failure: '10%',
      tasks: { t: task, u: { queue: 'critical', steps: task, failure: 0.5, retries: { max: 1, backoff: { jitter: 'equal' } } } },
    });
    const s = resolveQueue(r.data!, testPrices);
    expect(s.queues.map((q) => q.name)).toEqual(['critical', 'default', 'bulk']);
    expect(s.concurrency).toBe(3);
    expect([s.workerPrice, s.brokerPrice]).toEqual([0.096, 0.05]);
    expect(s.tasks.map((t) => [t.name, t.queue, t.failure, t.maxRetries])).toEqual([['t', 1, 0.1, 3], ['u', 0, 0.5, 1]]);
  });

  it('refuses names that point nowhere and impossible values, at their field', () => {
    expect(problems({ tasks: { t: { queue: 'mail', steps: task } } })).toEqual(['tasks.t.queue: no queue named `mail`']);
    expect(problems({ queues: { high: 0 } })).toEqual(['queues: tasks written as a list of steps go to the queue `default`, which is not defined']);
    expect(problems({ beat: [{ task: 'nope', every: '1m' }, { task: 't', every: 0 }] })).toEqual([
      'beat.0.task: no task named `nope`', 'beat.1.every: expected an interval > 0, e.g. 1m',
    ]);
    expect(problems({ workers: { instances: 2 }, crashes: [{ at: '1m', worker: 3 }] })).toEqual(['crashes.0.worker: expected a worker instance between 1 and 2']);
    expect(problems({ tasks: {} })).toEqual(['tasks: expected at least one task, e.g. { send_email: [ { sleep: { constant: 200ms } } ] }']);
    expect(problems({ retries: { max: 2, backoff: { base: '1m', cap: '1s' } } })[0]).toMatch(/retries\.backoff\.cap: expected a cap >= base/);
    expect(problems({ acks_late: 'yes' }).length).toBe(1);
    expect(problems({ worker: {} }).length).toBe(1);
  });
});
