/**
 * The app_tier's YAML form and its resolved settings. Defaults depend on the runtime
 * (Gunicorn's 2 × cores + 1 sync workers, a bounded accept queue for worker pools, no
 * in-flight limit for an event loop), so the schema leaves them open and `resolveTier`
 * fills them in: the rest of the component reads one plain, complete record.
 */
import { z } from 'zod';
import { constant } from '../../engine/random/continuous.js';
import { fromSpec } from '../../engine/random/spec.js';
import type { Distribution } from '../../engine/types.js';
import { costFields } from '../define.js';
import { timeDistribution } from '../../model/schema/distribution.js';
import { reject } from '../../model/schema/issue.js';
import { name } from '../../model/schema/names.js';
import { count, duration } from '../../model/schema/units.js';

export const RUNTIMES = ['event_loop', 'workers', 'threads'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** Threads per instance when not given: an illustrative pool size (Puma uses 5, Tomcat 200). */
export const DEFAULT_THREADS = 8;
/** Start-up delay of an instance added at runtime when not given: container start, app boot
 * and a passed readiness probe — a typical figure for a small web pod, in seconds. */
export const DEFAULT_STARTUP_DELAY = 30;
/** Accept queue (listen backlog) of worker and thread pools when not given: Linux's historical somaxconn. */
export const DEFAULT_ACCEPT_QUEUE = 128;

export const appTierSchema = z.strictObject({
  kind: z.literal('app_tier'),
  instances: count({ min: 1 }).default(1).describe('Number of identical app instances (servers, pods) in the tier.'),
  runtime: z.enum(RUNTIMES).describe(
    'How an instance runs requests: event_loop (Node, uvicorn: one CPU thread, any number waiting on I/O), '
    + 'workers (Gunicorn sync: each request holds a worker process until it ends), '
    + 'threads (a thread pool: each request holds a thread until it ends).'),
  workers: count({ min: 1 }).optional()
    .describe('Worker processes per instance (runtime: workers); default 2 × cores + 1, as Gunicorn recommends.'),
  threads: count({ min: 1 }).optional()
    .describe(`Threads per instance (runtime: threads); default ${DEFAULT_THREADS}.`),
  cores: z.number().positive().finite().default(1)
    .describe('CPU cores per instance; may be fractional (0.5 = half a vCPU). An event loop uses at most one.'),
  gil: z.boolean().optional()
    .describe('runtime: threads only — the threads share one core for CPU work, as Python threads under the GIL do (default true).'),
  accept_queue: count().optional()
    .describe(`Requests that may wait for a free worker or thread, per instance; more are refused with 503 accept_queue_full (default ${DEFAULT_ACCEPT_QUEUE}). `
      + 'For event_loop: the most requests in flight per instance (default: unlimited).'),
  request_timeout: duration().optional()
    .describe('Server-side timeout from the moment an instance accepts a request: the client gets 504 then, while the worker stays busy until its current operation returns (default: none).'),
  pool: name('component').optional()
    .describe('A connection_pool or pgbouncer component giving each instance its database connections.'),
  startup_delay: z.union([duration(), timeDistribution()]).optional()
    .describe(`Time from when an instance is added at runtime (by an autoscaler) until it takes traffic: a duration or a time distribution (default ${DEFAULT_STARTUP_DELAY}s). It costs money meanwhile.`),
  weight: z.number().positive().finite().default(1)
    .describe('Relative weight of each instance for weighted load-balancing policies.'),
  wake_up: z.strictObject({
    after_idle: duration().describe('Idle time beyond which the core has gone to sleep (0s: any idle time at all).'),
    cost: z.union([duration(), timeDistribution()]).describe('CPU time one wake-up takes.'),
    charge: z.enum(['before', 'after']).default('before')
      .describe('before: the callback that woke the core waits for it (default); after: the core pays it once that callback ran, delaying only work queued behind.'),
  }).optional()
    .describe('runtime: event_loop only — a core that has idled for after_idle pays cost of CPU to wake up before running the next '
      + 'callback (C-state exit, a virtual CPU halted by its hypervisor, cold caches). It makes CPU per request fall as the load '
      + 'rises, as measured on real machines: calibrated by `stacksim validate`.'),
  ...costFields,
}).superRefine((c, ctx) => {
  const only = (field: 'workers' | 'threads' | 'gil', runtime: Runtime) => {
    if (c[field] === undefined || c.runtime === runtime) return;
    reject(ctx, c[field], {
      code: 'SIM_E_INVALID_VALUE',
      detail: `\`${field}\` applies to runtime ${runtime}, not ${c.runtime}`,
      hint: `remove \`${field}\` or set \`runtime: ${runtime}\``,
      atKey: true,
    }, [field]);
  };
  only('workers', 'workers');
  only('threads', 'threads');
  only('gil', 'threads');
  if (c.wake_up !== undefined && c.runtime !== 'event_loop') {
    reject(ctx, c.wake_up, {
      code: 'SIM_E_INVALID_VALUE',
      detail: `\`wake_up\` applies to runtime event_loop, not ${c.runtime}`,
      hint: 'remove `wake_up` or set `runtime: event_loop`',
      atKey: true,
    }, ['wake_up']);
  }
  if (c.runtime === 'event_loop' && c.accept_queue === 0) {
    reject(ctx, 0, { code: 'SIM_E_INVALID_VALUE', expected: 'at least 1 (for event_loop it limits requests in flight)' }, ['accept_queue']);
  }
  if (c.request_timeout === 0) {
    reject(ctx, 0, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 30s (leave it out for no timeout)' }, ['request_timeout']);
  }
}).describe('A tier of identical app instances running the endpoint flows (cost = instance-hours × price: an autoscaler can resize it).');

export type AppTierConfig = z.output<typeof appTierSchema>;

/** Everything an instance needs, defaults applied. */
export interface TierSettings {
  readonly runtime: Runtime;
  readonly instances: number;
  /** Workers or threads per instance (0 for an event loop). */
  readonly slots: number;
  readonly cores: number;
  /** Cores the runtime can keep busy: 1 for an event loop or the GIL (less if cores < 1). */
  readonly cpuCores: number;
  /** Most requests waiting for a slot (event loop: in flight); Infinity for none. */
  readonly acceptLimit: number;
  /** Server-side timeout in seconds; Infinity for none. */
  readonly timeout: number;
  readonly weight: number;
  /** Delay before an instance added at runtime takes traffic. */
  readonly startup: Distribution;
  /** Event loop only: the CPU cost of waking a core that idled at least `afterIdle` seconds. */
  readonly wake: { readonly afterIdle: number; readonly cost: Distribution; readonly after: boolean } | null;
}

export function resolveTier(c: AppTierConfig): TierSettings {
  const single = Math.min(1, c.cores);
  const common = {
    instances: c.instances, cores: c.cores, timeout: c.request_timeout ?? Infinity, weight: c.weight, startup: startupOf(c.startup_delay),
    wake: c.wake_up === undefined ? null : { afterIdle: c.wake_up.after_idle, cost: timeOf(c.wake_up.cost), after: c.wake_up.charge === 'after' },
  };
  switch (c.runtime) {
    case 'event_loop':
      return { ...common, runtime: c.runtime, slots: 0, cpuCores: single, acceptLimit: c.accept_queue ?? Infinity };
    case 'workers':
      return {
        ...common, runtime: c.runtime, slots: c.workers ?? Math.floor(2 * c.cores) + 1,
        cpuCores: c.cores, acceptLimit: c.accept_queue ?? DEFAULT_ACCEPT_QUEUE,
      };
    case 'threads':
      return {
        ...common, runtime: c.runtime, slots: c.threads ?? DEFAULT_THREADS,
        cpuCores: c.gil === false ? c.cores : single, acceptLimit: c.accept_queue ?? DEFAULT_ACCEPT_QUEUE,
      };
  }
}

function startupOf(spec: AppTierConfig['startup_delay']): Distribution {
  return spec === undefined ? constant(DEFAULT_STARTUP_DELAY) : timeOf(spec);
}

function timeOf(spec: number | Parameters<typeof fromSpec>[0]): Distribution {
  return typeof spec === 'number' ? constant(spec) : fromSpec(spec);
}
