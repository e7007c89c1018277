/**
 * Waiting for the machine to be quiet before a measurement. The 2-core machine is shared:
 * when other processes keep a core busy, every latency measured meanwhile says more about
 * them than about the system under test. We wait (a bounded time) until they settle.
 */
import { machineBusyMs, processCpuMs } from './proc-cpu.js';
import type { SystemUnderTest } from './sut.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Cores busy with other processes over `ms` while our system idles; null where unknown. */
export async function otherCores(sut: SystemUnderTest, ms = 300): Promise<number | null> {
  const ours = () => {
    const own = process.cpuUsage();
    return (processCpuMs(sut.api.pid) ?? 0) + (sut.db.cpuMs() ?? 0) + (own.user + own.system) / 1000;
  };
  const m0 = machineBusyMs();
  const o0 = ours();
  const t0 = performance.now();
  await sleep(ms);
  const m1 = machineBusyMs();
  const o1 = ours();
  if (m0 === undefined || m1 === undefined) return null;
  return Math.max(0, m1 - m0 - (o1 - o0)) / (performance.now() - t0);
}

/** Wait until other processes use under `threshold` cores, for at most `maxSec`; returns the
 * seconds waited and the last reading. */
export async function waitQuiet(sut: SystemUnderTest, maxSec: number, threshold = 0.3): Promise<{ waitedSec: number; otherCores: number | null }> {
  if (maxSec <= 0) return { waitedSec: 0, otherCores: null };
  const t0 = performance.now();
  for (;;) {
    const others = await otherCores(sut);
    const waitedSec = (performance.now() - t0) / 1000;
    if (others === null || others < threshold || waitedSec >= maxSec) return { waitedSec, otherCores: others };
    await sleep(700);
  }
}
