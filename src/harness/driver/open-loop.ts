/**
 * Open-loop load, as wrk2 does it: requests leave on a fixed or Poisson schedule whatever the
 * server is doing, and latency is measured from each request's *intended* send time. If the
 * server stalls (or the driver falls behind), the requests that should have gone out in the
 * meantime carry the wait in their latency instead of silently disappearing (no coordinated
 * omission). The schedule's own lag and the client-side queueing are reported too.
 */
import { Pool } from 'undici';
import { nonNegative, origin, positive, positiveInt } from './check.js';
import { startCostMeter, type DriverCost } from './cost.js';
import type { ArrivalProcess } from './arrivals.js';
import type { LatencySummary } from './histogram.js';
import { driverStream } from './keys.js';
import { machineFacts, type MachineFacts } from './machine.js';
import { requestOnce } from './once.js';
import { OpenLoopRun, type ScheduleStats } from './open-loop-run.js';
import { overallStats, type RequestStats } from './stats.js';
import { compileTasks, describeTasks, type TaskSpec, type UserContext } from './tasks.js';

export interface OpenLoopOptions {
  /** Origin of the server, e.g. "http://127.0.0.1:3000". */
  readonly target: string;
  /** The request mix; each is chosen with probability proportional to its weight. */
  readonly tasks: readonly TaskSpec[];
  /** Offered rate in requests per second. */
  readonly rate: number;
  /** Length of the measured window in seconds. */
  readonly durationSec: number;
  /** Sent at the same rate before the window, but excluded from every figure (default 0). */
  readonly warmupSec?: number;
  readonly arrival?: ArrivalProcess;
  /** Seeds the arrival times, the task choice and the keys (default "stacksim"). */
  readonly seed?: string;
  /** Connections in the undici pool (default 512): enough that the client is not the bottleneck. */
  readonly connections?: number;
  readonly pipelining?: number;
  /** Deadline per request, from its intended send time (default 10 000 ms). */
  readonly timeoutMs?: number;
  /**
   * Spin (setImmediate) through the last `spinMs` before each send instead of trusting a
   * 1 ms-granular timer: cuts mean schedule lag from ~1 ms to ~0.05 ms at a CPU cost of up
   * to spinMs per send. Default 0 (timers only; lag is still measured and reported).
   */
  readonly spinMs?: number;
  /** Run once, in order, before the schedule starts (e.g. log in; capture stores the token). */
  readonly setup?: readonly TaskSpec[];
  /** Mixed into unique values (RequestContext.runId); default: the start time in base 36. */
  readonly runId?: string;
}

export interface OpenLoopResult {
  readonly kind: 'open-loop';
  readonly machine: MachineFacts;
  readonly startedAt: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** The configured rate. */
  readonly offeredRate: number;
  /** Requests whose intended send time fell in the window. */
  readonly sent: number;
  /** sent / durationSec: the realised offered rate (differs from the rate under Poisson). */
  readonly sentRate: number;
  /** HTTP responses completed inside the window, per second (= overall.throughput). */
  readonly throughput: number;
  readonly overall: RequestStats;
  readonly tasks: readonly RequestStats[];
  /** The naive figure: from when the request was written to a socket, as a closed-loop tool measures. */
  readonly latencyFromWrite: LatencySummary;
  readonly schedule: ScheduleStats;
  readonly driver: DriverCost;
}

export async function runOpenLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = origin('target', options.target);
  const tasks = compileTasks(options.tasks, 'tasks');
  const setup = options.setup === undefined ? [] : compileTasks(options.setup, 'setup');
  const rate = positive('rate', options.rate);
  const durationSec = positive('durationSec', options.durationSec);
  const warmupSec = nonNegative('warmupSec', options.warmupSec ?? 0);
  const connections = positiveInt('connections', options.connections ?? 512);
  const pipelining = positiveInt('pipelining', options.pipelining ?? 1);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? 10_000);
  const spinMs = nonNegative('spinMs', options.spinMs ?? 0);
  const arrival = options.arrival ?? 'constant';
  const seed = options.seed ?? 'stacksim';
  const runId = options.runId ?? Date.now().toString(36);

  const machine = machineFacts();
  const startedAt = new Date().toISOString();
  const pool = new Pool(target, {
    connections, pipelining, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs },
  });
  try {
    const user: UserContext = { id: 0, vars: {} };
    const setupRng = driverStream(seed, 'setup');
    for (const [i, task] of setup.entries()) await requestOnce(pool, task, user, -1 - i, runId, setupRng, timeoutMs);

    const meter = startCostMeter();
    const run = new OpenLoopRun({ dispatcher: pool, tasks, user, rate, durationSec, warmupSec, arrival, seed, runId, timeoutMs, spinMs });
    const schedule = await run.run();
    const driver = meter.stop();
    const overall = overallStats(run.tallies, durationSec);
    return {
      kind: 'open-loop',
      machine,
      startedAt,
      config: { target, rate, durationSec, warmupSec, arrival, seed, runId, connections, pipelining, timeoutMs, spinMs, tasks: describeTasks(tasks), setup: describeTasks(setup) },
      offeredRate: rate,
      sent: overall.requests,
      sentRate: overall.requests / durationSec,
      throughput: overall.throughput,
      overall,
      tasks: run.tallies.map((t) => t.toJSON(durationSec)),
      latencyFromWrite: run.fromWrite.summary(),
      schedule,
      driver,
    };
  } finally {
    await pool.destroy();
  }
}
