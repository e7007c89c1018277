/**
 * The system under test during validation: the shared Postgres and one API process, with
 * what measurement needs from them — their background CPU while idle (subtracted from every
 * window), GET /__stats and its reset, and waiting for the queue left by an overload to drain.
 */
import type { StatsSnapshot } from '../route-stats.js';
import type { SystemOptionsInput } from '../options.js';
import { startApiProcess, type ApiProcess } from './api-process.js';
import type { ValidationDatabase } from './database.js';
import { renice } from './pin.js';
import { threadCpuMs } from './proc-cpu.js';

export interface SystemUnderTest {
  readonly api: ApiProcess;
  readonly db: ValidationDatabase;
  /** Busy milliseconds per second while idle: the event loop's and Postgres's. */
  readonly idle: { readonly loopMsPerSec: number; readonly pgMsPerSec: number };
  /** Why the CHECKPOINT before measuring failed, or null (see database.ts). */
  readonly checkpointError: string | null;
  /** Cumulative busy ms of the event loop: its thread's CPU time where /proc tells it (a
   * thread pre-empted by a neighbour is not working), else the loop's active wall time. */
  loopMs(): Promise<number>;
  stats(): Promise<StatsSnapshot>;
  resetStats(): Promise<void>;
  /** Wait until no request completes for `quietMs` (an overload's backlog is served). */
  drain(quietMs?: number, maxMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSystemUnderTest(db: ValidationDatabase, system: SystemOptionsInput, cpus?: string, nice?: number): Promise<SystemUnderTest> {
  const api = await startApiProcess({ system: { ...system, databaseUrl: db.url }, cpus });
  try {
    if (nice !== undefined) renice(api.pid, nice);
    const stats = async (): Promise<StatsSnapshot> => {
      const res = await fetch(`${api.url}/__stats`);
      if (!res.ok) throw new Error(`GET /__stats answered ${res.status}`);
      return (await res.json()) as StatsSnapshot;
    };
    const loopMs = async () => threadCpuMs(api.pid) ?? (await api.usage()).loopActiveMs;
    // the seed's dirty buffers written now, not during calibration (see database.ts)
    const unflushed = await db.checkpoint();
    const idle = await idleRates(loopMs, db, 600);
    return {
      api, db, idle, stats, loopMs, checkpointError: unflushed,
      async resetStats() {
        const res = await fetch(`${api.url}/__stats/reset`, { method: 'POST' });
        if (!res.ok) throw new Error(`POST /__stats/reset answered ${res.status}`);
      },
      async drain(quietMs = 500, maxMs = 60_000) {
        const t0 = performance.now();
        let last = -1;
        for (;;) {
          const total = Object.values((await stats()).routes).reduce((n, r) => n + r.count, 0);
          if (total === last || performance.now() - t0 > maxMs) return;
          last = total;
          await sleep(quietMs);
        }
      },
      stop: () => api.stop(),
    };
  } catch (err) {
    await api.stop();
    throw err;
  }
}

/** Busy time per second of the idle event loop and Postgres (timers, background writers). */
async function idleRates(loopMs: () => Promise<number>, db: ValidationDatabase, ms: number) {
  const u0 = await loopMs();
  const p0 = db.cpuMs();
  const t0 = performance.now();
  await sleep(ms);
  const u1 = await loopMs();
  const p1 = db.cpuMs();
  const sec = (performance.now() - t0) / 1000;
  return {
    loopMsPerSec: (u1 - u0) / sec,
    pgMsPerSec: p0 === null || p1 === null ? 0 : (p1 - p0) / sec,
  };
}
