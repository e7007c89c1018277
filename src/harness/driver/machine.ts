/**
 * The facts of the machine a measurement came from. Every driver result carries them:
 * a latency figure without its CPU, core count and Node version cannot be compared with
 * a simulator prediction or with another run.
 */
import os from 'node:os';

export interface MachineFacts {
  readonly hostname: string;
  readonly platform: string;
  readonly arch: string;
  readonly osRelease: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  /** Nominal clock of the first CPU in MHz as the OS reports it (0 where unknown). */
  readonly cpuMHz: number;
  readonly totalMemoryBytes: number;
  readonly nodeVersion: string;
  /** 1, 5 and 15 minute load averages when the facts were taken: a busy machine skews latency. */
  readonly loadAverage: readonly [number, number, number];
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  const first = cpus[0];
  const [l1 = 0, l5 = 0, l15 = 0] = os.loadavg();
  return {
    hostname: os.hostname(),
    platform: os.platform(),
    arch: os.arch(),
    osRelease: os.release(),
    cpuModel: first?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    cpuMHz: first?.speed ?? 0,
    totalMemoryBytes: os.totalmem(),
    nodeVersion: process.version,
    loadAverage: [l1, l5, l15],
  };
}
