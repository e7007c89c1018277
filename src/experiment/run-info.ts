/**
 * run-info.json: the wall-clock facts of a run, kept out of results.json so that file is a
 * pure function of the experiment — when it started, how long it took, on how many
 * workers, on what machine. The clock is given by the caller (the CLI); without one the
 * times are null.
 */
import os from 'node:os';

export interface RunClock {
  /** Monotonic milliseconds, for the elapsed time. */
  now(): number;
  /** The current date and time as ISO 8601 text. */
  iso(): string;
}

export interface RunInfo {
  experiment: string;
  file: string;
  hash: string;
  startedAt: string | null;
  wallSeconds: number | null;
  scenarios: number;
  workers: number;
  machine: { cpu: string; cores: number; memoryGB: number; platform: string; node: string };
}

export function machineInfo(): RunInfo['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.arch()}`,
    node: process.version,
  };
}

export function defaultWorkers(): number {
  return os.availableParallelism();
}
