/**
 * runExperiment: plan the scenarios, run them (here or on worker threads), assemble
 * ExperimentResults — a pure function of the experiment and its overrides, identical bytes
 * for any worker count — and RunInfo with the wall-clock facts.
 */
import { assembleResults } from './assemble.js';
import { planJobs } from './plan.js';
import { runJobs } from './pool.js';
import type { ExperimentResults } from './results.js';
import { defaultWorkers, machineInfo, type RunClock, type RunInfo } from './run-info.js';
import type { ExperimentOverrides, LoadedExperiment } from './setup.js';

export interface RunOptions {
  /** Worker threads (default: the number of cores); 1 runs in this thread. */
  workers?: number;
  /** The overrides the experiment was loaded with; workers reload it the same way. */
  overrides?: ExperimentOverrides;
  /** Called with (0, total) before the first scenario, then after each one finishes. */
  onProgress?: (done: number, total: number) => void;
  clock?: RunClock;
}

export async function runExperiment(loaded: LoadedExperiment, options: RunOptions = {}): Promise<{ results: ExperimentResults; runInfo: RunInfo }> {
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`runExperiment: workers must be a whole number >= 1, got ${workers}`);
  const startedAt = options.clock?.iso() ?? null;
  const t0 = options.clock?.now();
  const plan = planJobs(loaded);
  options.onProgress?.(0, plan.jobs.length);
  const outcomes = await runJobs(loaded, plan.jobs, {
    workers,
    overrides: options.overrides ?? {},
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  const results = assembleResults(loaded, plan, outcomes);
  const t1 = options.clock?.now();
  const runInfo: RunInfo = {
    experiment: results.experiment.name,
    file: loaded.file,
    hash: loaded.hash,
    startedAt,
    wallSeconds: t0 === undefined || t1 === undefined ? null : Math.round(t1 - t0) / 1000,
    scenarios: plan.jobs.length,
    workers: Math.min(workers, plan.jobs.length),
    machine: machineInfo(),
  };
  return { results, runInfo };
}
