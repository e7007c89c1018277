/**
 * Closed-loop load, Locust style: N users, spawned at a spawn rate, each running an optional
 * on_start sequence once (e.g. log in and keep the token) and then weighted tasks in a loop
 * with think time. Throughput is an outcome here, not an input: X = N / (R + Z).
 */
import { Pool } from 'undici';
import { nonNegative, origin, positive, positiveInt } from './check.js';
import { ClosedLoopRun } from './closed-loop-run.js';
import { startCostMeter, type DriverCost } from './cost.js';
import { machineFacts, type MachineFacts } from './machine.js';
import { overallStats, type RequestStats } from './stats.js';
import { compileTasks, describeTasks, type TaskSpec } from './tasks.js';
import { checkThink, constant, thinkMean, type ThinkTime } from './think.js';

export interface ClosedLoopOptions {
  readonly target: string;
  readonly users: number;
  /** Users started per second (default: all at once). */
  readonly spawnRate?: number;
  /** The loop's tasks, chosen with probability proportional to their weights. */
  readonly tasks: readonly TaskSpec[];
  /** Run once per user, in order, before its loop (Locust's on_start). */
  readonly onStart?: readonly TaskSpec[];
  /** Wait after each loop task (default constant(0)). */
  readonly think?: ThinkTime;
  /** Length of the measured window in seconds; users stop at its end. */
  readonly durationSec: number;
  /** Time from the first spawn to the start of the window, excluded from the figures (default 0). */
  readonly warmupSec?: number;
  /** Seeds each user's task choice, keys and think times (default "stacksim"). */
  readonly seed?: string;
  /** Deadline per request from its dispatch (default 10 000 ms). */
  readonly timeoutMs?: number;
  /** Pool connections (default: one per user, so users never queue in the client). */
  readonly connections?: number;
  readonly runId?: string;
}

export interface ClosedLoopTaskStats extends RequestStats {
  readonly onStart: boolean;
}

export interface ClosedLoopResult {
  readonly kind: 'closed-loop';
  readonly machine: MachineFacts;
  readonly startedAt: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly users: number;
  readonly usersSpawned: number;
  /** Users that finished their on_start sequence (each runs it once). */
  readonly onStartCompleted: number;
  /** HTTP responses completed inside the window, per second (= overall.throughput). */
  readonly throughput: number;
  /** All tasks, on_start included. */
  readonly overall: RequestStats;
  readonly tasks: readonly ClosedLoopTaskStats[];
  readonly driver: DriverCost;
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const target = origin('target', options.target);
  const users = positiveInt('users', options.users, 100_000);
  const spawnRate = options.spawnRate === undefined ? Infinity : positive('spawnRate', options.spawnRate);
  const names = new Set<string>();
  const onStart = options.onStart === undefined || options.onStart.length === 0 ? [] : compileTasks(options.onStart, 'onStart', 0, names);
  const tasks = compileTasks(options.tasks, 'tasks', onStart.length, names);
  const think = options.think === undefined ? constant(0) : checkThink(options.think, 'think');
  const durationSec = positive('durationSec', options.durationSec);
  const warmupSec = nonNegative('warmupSec', options.warmupSec ?? 0);
  const seed = options.seed ?? 'stacksim';
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? 10_000);
  const connections = positiveInt('connections', options.connections ?? users);
  const runId = options.runId ?? Date.now().toString(36);

  const machine = machineFacts();
  const startedAt = new Date().toISOString();
  const pool = new Pool(target, {
    connections, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connect: { timeout: timeoutMs },
  });
  try {
    const meter = startCostMeter();
    const run = new ClosedLoopRun({
      dispatcher: pool, users, spawnRate, onStart, tasks, think, durationSec, warmupSec, seed, runId, timeoutMs,
    });
    await run.run();
    const driver = meter.stop();
    const overall = overallStats(run.tallies, durationSec);
    return {
      kind: 'closed-loop',
      machine,
      startedAt,
      config: {
        target, users, spawnRate: Number.isFinite(spawnRate) ? spawnRate : 'all-at-once', think, thinkMeanSec: thinkMean(think),
        durationSec, warmupSec, seed, runId, timeoutMs, connections, onStart: describeTasks(onStart), tasks: describeTasks(tasks),
      },
      users,
      usersSpawned: run.spawned,
      onStartCompleted: run.onStartCompleted,
      throughput: overall.throughput,
      overall,
      tasks: run.tallies.map((t, i) => ({ ...t.toJSON(durationSec), onStart: i < onStart.length })),
      driver,
    };
  } finally {
    await pool.destroy();
  }
}
