/**
 * One measured run against the system under test: the driver's figures plus what the server
 * did in the same window — GET /__stats (reset when the driver's warm-up ends), the event
 * loop thread's CPU and Postgres's CPU, each net of its idle background — and how much CPU
 * other processes on the machine took meanwhile (a busy neighbour skews every figure).
 */
import { runClosedLoop, runOpenLoop, type ClosedLoopOptions, type ClosedLoopResult, type OpenLoopOptions, type OpenLoopResult, type TaskSpec } from '../driver/index.js';
import type { StatsSnapshot } from '../route-stats.js';
import { machineBusyMs, processCpuMs } from './proc-cpu.js';
import type { SystemUnderTest } from './sut.js';

export interface ServerWindow {
  readonly stats: StatsSnapshot;
  /** Event-loop busy milliseconds in the window, idle background removed. */
  readonly loopMs: number;
  /** Postgres CPU milliseconds in the window, idle background removed; null if unreadable. */
  readonly pgMs: number | null;
  readonly wallMs: number;
  /** Cores kept busy by everything but the API, Postgres and this process; null where unknown. */
  readonly otherCores: number | null;
}

export interface WindowMark {
  readonly loop: number;
  readonly pg: number | null;
  readonly t: number;
  /** Machine busy ms, and ours (API process, Postgres, this process) at the same moment. */
  readonly machine: number | undefined;
  readonly ours: number;
}

async function mark(sut: SystemUnderTest): Promise<WindowMark> {
  const loop = await sut.loopMs();
  const pg = sut.db.cpuMs();
  const own = process.cpuUsage();
  const ours = (processCpuMs(sut.api.pid) ?? 0) + (pg ?? 0) + (own.user + own.system) / 1000;
  return { loop, pg, t: performance.now(), machine: machineBusyMs(), ours };
}

async function close(sut: SystemUnderTest, start: WindowMark): Promise<ServerWindow> {
  const end = await mark(sut);
  const wallMs = end.t - start.t;
  const sec = wallMs / 1000;
  const others = end.machine === undefined || start.machine === undefined ? null
    : Math.max(0, end.machine - start.machine - (end.ours - start.ours)) / wallMs;
  return {
    stats: await sut.stats(),
    loopMs: Math.max(0, end.loop - start.loop - sut.idle.loopMsPerSec * sec),
    pgMs: end.pg === null || start.pg === null ? null : Math.max(0, end.pg - start.pg - sut.idle.pgMsPerSec * sec),
    wallMs,
    otherCores: others,
  };
}

/** Reset the stats and take the starting mark when the driver's warm-up ends. */
function openWindowAt(sut: SystemUnderTest, warmupSec: number): Promise<WindowMark> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      sut.resetStats().then(() => mark(sut)).then(resolve, reject);
    }, warmupSec * 1000);
  });
}

export async function measureOpenLoop(sut: SystemUnderTest, options: OpenLoopOptions): Promise<{ driver: OpenLoopResult; server: ServerWindow }> {
  const started = openWindowAt(sut, options.warmupSec ?? 0);
  const driver = await runOpenLoop(options);
  return { driver, server: await close(sut, await started) };
}

export type OpenWindow = Awaited<ReturnType<typeof measureOpenLoop>>;

/** A Poisson open-loop window against the API, with no warm-up. */
export function poissonWindow(sut: SystemUnderTest, o: { tasks: TaskSpec[]; rate: number; durationSec: number; seed: string; setup?: TaskSpec[] }): Promise<OpenWindow> {
  return measureOpenLoop(sut, { target: sut.api.url, arrival: 'poisson', ...o });
}

export async function measureClosedLoop(sut: SystemUnderTest, options: ClosedLoopOptions): Promise<{ driver: ClosedLoopResult; server: ServerWindow }> {
  const started = openWindowAt(sut, options.warmupSec ?? 0);
  const driver = await runClosedLoop(options);
  return { driver, server: await close(sut, await started) };
}
