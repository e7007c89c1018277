/**
 * One measured run against the system under test: the driver's figures plus what the server
 * did in the same window — GET /__stats (reset when the driver's warm-up ends), the event
 * loop's busy time and Postgres's CPU, each net of its idle background.
 */
import { runClosedLoop, runOpenLoop, type ClosedLoopOptions, type ClosedLoopResult, type OpenLoopOptions, type OpenLoopResult } from '../driver/index.js';
import type { StatsSnapshot } from '../route-stats.js';
import type { SystemUnderTest } from './sut.js';

export interface ServerWindow {
  readonly stats: StatsSnapshot;
  /** Event-loop busy milliseconds in the window, idle background removed. */
  readonly loopMs: number;
  /** Postgres CPU milliseconds in the window, idle background removed; null if unreadable. */
  readonly pgMs: number | null;
  readonly wallMs: number;
}

export interface WindowMark {
  readonly loop: number;
  readonly pg: number | null;
  readonly t: number;
}

async function mark(sut: SystemUnderTest): Promise<WindowMark> {
  const u = await sut.api.usage();
  return { loop: u.loopActiveMs, pg: sut.db.cpuMs(), t: performance.now() };
}

async function close(sut: SystemUnderTest, start: WindowMark): Promise<ServerWindow> {
  const end = await mark(sut);
  const wallMs = end.t - start.t;
  const sec = wallMs / 1000;
  return {
    stats: await sut.stats(),
    loopMs: Math.max(0, end.loop - start.loop - sut.idle.loopMsPerSec * sec),
    pgMs: end.pg === null || start.pg === null ? null : Math.max(0, end.pg - start.pg - sut.idle.pgMsPerSec * sec),
    wallMs,
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

export async function measureClosedLoop(sut: SystemUnderTest, options: ClosedLoopOptions): Promise<{ driver: ClosedLoopResult; server: ServerWindow }> {
  const started = openWindowAt(sut, options.warmupSec ?? 0);
  const driver = await runClosedLoop(options);
  return { driver, server: await close(sut, await started) };
}
