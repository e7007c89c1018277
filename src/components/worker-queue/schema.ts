/**
 * The worker_queue's YAML form (Celery / RQ): a broker with a publish latency, named queues
 * with priorities, a pool of worker instances, the tasks they run (each a flow of steps),
 * transient failures with retries and backoff, acks-late redelivery, beat schedules and
 * scheduled worker crashes. Cross-field rules are checked here; task steps by the normalizer.
 */
import { z } from 'zod';
import { backoffSchema } from '../policies/backoff/schema.js';
import { costFields } from '../define.js';
import { timeDistribution } from '../../model/schema/distribution.js';
import { steps } from '../../model/schema/endpoint.js';
import { reject } from '../../model/schema/issue.js';
import { name } from '../../model/schema/names.js';
import { count, duration, fraction } from '../../model/schema/units.js';

/** Kinds that can give a worker its database connections. */
export const WORKER_POOL_KINDS = ['connection_pool', 'pgbouncer'] as const;

const retries = z.strictObject({
  max: count().default(3).describe('Retries after the first attempt; a task failing them all goes to the dead-letter queue (Celery max_retries, default 3).'),
  backoff: backoffSchema({ base: '1s', cap: '10m', jitter: 'full' }).prefault({})
    .describe('Delay before each retry (Celery retry_backoff: base 1s, cap 10m, full jitter).'),
}).describe('How failed attempts are retried.');

const taskObject = z.strictObject({
  queue: name('queue').default('default').describe('The named queue the task is routed to (default: `default`).'),
  steps: steps(),
  failure: fraction().optional().describe('Probability that an attempt fails transiently at its end (default: the component’s `failure`).'),
  retries: retries.optional().describe('Retry settings for this task, replacing the component’s `retries`.'),
});

const task = z.union([steps(), taskObject])
  .describe('A task: its steps (run on a worker: cpu, db, cache…), or { queue, steps, failure, retries }.');

const workers = z.strictObject({
  instances: count({ min: 1 }).default(1).describe('Worker instances (machines or pods) at the start.'),
  concurrency: count({ min: 1 }).optional().describe('Tasks one instance runs at once (Celery --concurrency; default: its cores, rounded up).'),
  cores: z.number().positive().finite().default(1).describe('CPU cores per worker instance, shared by its running tasks.'),
  startup: duration().prefault('30s').describe('Time from scaling up to a new instance taking tasks (default 30s).'),
  restart: duration().prefault('10s').describe('Time a crashed instance is down before it takes tasks again (default 10s).'),
  pool: name('component').optional().describe('A connection_pool or pgbouncer giving each worker instance its database connections.'),
  ...costFields,
}).describe('The worker pool: instances, concurrency and cores of each, start-up and restart delays, price per instance.');

const broker = z.strictObject({
  latency: timeDistribution().prefault({ constant: '1ms' })
    .describe('Time to publish a task (the enqueue step waits for it), e.g. { constant: 1ms } (default).'),
  ...costFields,
}).describe('The message broker (Redis, RabbitMQ): publish latency and price.');

export const workerQueueSchema = z.strictObject({
  kind: z.literal('worker_queue'),
  broker: broker.prefault({}),
  queues: z.record(name('queue'), z.number().finite()).default({ default: 0 })
    .describe('Named queues and their priority, lower served first, e.g. { critical: 0, default: 1, bulk: 9 } (default { default: 0 }).'),
  workers: workers.prefault({}),
  tasks: z.record(name('task'), task).describe('The tasks by name; an `enqueue` step names one.'),
  failure: fraction().prefault(0).describe('Probability that a task attempt fails transiently (default 0).'),
  retries: retries.prefault({}),
  acks_late: z.boolean().default(false)
    .describe('Acknowledge a task when it finishes (true: a crashed worker’s tasks are redelivered) or when received (false, Celery’s default: they are lost).'),
  redelivery_delay: duration().prefault('0s')
    .describe('With acks_late: time before a crashed worker’s tasks are back in the queue (0 for RabbitMQ; Redis waits its visibility_timeout).'),
  beat: z.array(z.strictObject({
    task: name('task').describe('The task to publish.'),
    every: duration().describe('Interval between runs, e.g. 1m.'),
    start: duration().optional().describe('First run (default: one interval after the start, as Celery beat does).'),
  })).optional().describe('Periodic tasks (Celery beat), e.g. [ { task: recompute_popular, every: 1m } ].'),
  crashes: z.array(z.strictObject({
    at: duration().describe('When the worker instance dies.'),
    worker: count({ min: 1 }).describe('Which instance (1-based, among the initial ones).'),
  })).optional().describe('Scheduled worker crashes: running tasks are redelivered (acks_late) or lost; the instance restarts after `workers.restart`.'),
}).superRefine((c, ctx) => {
  const queues = Object.keys(c.queues);
  const tasks = Object.keys(c.tasks);
  if (tasks.length === 0) reject(ctx, c.tasks, { code: 'SIM_E_INVALID_VALUE', expected: 'at least one task, e.g. { send_email: [ { sleep: { constant: 200ms } } ] }' }, ['tasks']);
  for (const [t, def] of Object.entries(c.tasks)) {
    if (Array.isArray(def) || queues.includes(def.queue)) continue;
    reject(ctx, def.queue, { code: 'SIM_E_DANGLING_REF', detail: `no queue named \`${def.queue}\``, expected: `one of: ${queues.join(', ')}`, hint: `add it under queues: { ${def.queue}: 0 }` }, ['tasks', t, 'queue']);
  }
  if (!queues.includes('default') && Object.values(c.tasks).some(Array.isArray)) {
    reject(ctx, c.queues, { code: 'SIM_E_INVALID_VALUE', detail: 'tasks written as a list of steps go to the queue `default`, which is not defined', hint: 'add `default` to queues or give those tasks a `queue`' }, ['queues']);
  }
  c.beat?.forEach((b, i) => {
    if (!tasks.includes(b.task)) reject(ctx, b.task, { code: 'SIM_E_DANGLING_REF', detail: `no task named \`${b.task}\``, expected: `one of: ${tasks.join(', ')}` }, ['beat', i, 'task']);
    if (!(b.every > 0)) reject(ctx, b.every, { code: 'SIM_E_INVALID_VALUE', expected: 'an interval > 0, e.g. 1m' }, ['beat', i, 'every']);
  });
  c.crashes?.forEach((k, i) => {
    if (k.worker > c.workers.instances) {
      reject(ctx, k.worker, { code: 'SIM_E_INVALID_VALUE', expected: `a worker instance between 1 and ${c.workers.instances}` }, ['crashes', i, 'worker']);
    }
  });
}).describe('A Celery/RQ-style task queue: broker, named priority queues, a worker pool, retries with backoff, a dead-letter queue, beat.');

export type WorkerQueueConfig = z.output<typeof workerQueueSchema>;
export type TaskConfig = z.output<typeof task>;
