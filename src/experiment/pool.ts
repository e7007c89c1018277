/**
 * Running the planned scenarios: in this thread for one worker, or spread over N worker
 * threads, each handed the next scenario as soon as it is free. Outcomes are stored by the
 * scenario's position in the plan, so the order they finish in never shows in the results.
 */
import { Worker } from 'node:worker_threads';
import { runScenario, type ScenarioJob, type ScenarioOutcome } from './scenario.js';
import type { ExperimentOverrides, LoadedExperiment } from './setup.js';
import type { WorkerInit, WorkerReply } from './worker.js';

export interface PoolOptions {
  workers: number;
  /** Overrides the experiment was loaded with, for the workers to load it the same way. */
  overrides: ExperimentOverrides;
  onProgress?: (done: number, total: number) => void;
}

export async function runJobs(exp: LoadedExperiment, jobs: readonly ScenarioJob[], options: PoolOptions): Promise<ScenarioOutcome[]> {
  const workers = Math.max(1, Math.min(Math.floor(options.workers), jobs.length));
  if (workers <= 1) return runHere(exp, jobs, options.onProgress);
  return runThreads(exp.file, jobs, workers, options);
}

async function runHere(exp: LoadedExperiment, jobs: readonly ScenarioJob[], onProgress?: PoolOptions['onProgress']): Promise<ScenarioOutcome[]> {
  const out: ScenarioOutcome[] = [];
  for (const job of jobs) {
    out.push(runScenario(exp, job));
    onProgress?.(out.length, jobs.length);
    // Let timers (the progress bar, signals) run between scenarios.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

function runThreads(file: string, jobs: readonly ScenarioJob[], n: number, options: PoolOptions): Promise<ScenarioOutcome[]> {
  const results: (ScenarioOutcome | undefined)[] = new Array(jobs.length);
  const init: WorkerInit = { file, overrides: options.overrides };
  const threads: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise<ScenarioOutcome[]>((resolve, reject) => {
    let failed = false;
    const stop = (err: unknown) => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const feed = (t: Worker) => {
      if (next < jobs.length) {
        const id = next++;
        t.postMessage({ id, job: jobs[id] });
      }
    };
    for (let i = 0; i < n; i++) {
      const t = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: init });
      threads.push(t);
      t.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return stop(new Error(`scenario ${describe(jobs[reply.id]!)} failed in a worker:\n${reply.error}`));
        results[reply.id] = reply.outcome;
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) {
          for (const w of threads) void w.terminate();
          resolve(results as ScenarioOutcome[]);
        } else feed(t);
      });
      t.on('error', stop);
      t.on('exit', (code) => {
        if (done < jobs.length && !failed) stop(new Error(`a scenario worker exited early (code ${code})`));
      });
      feed(t);
    }
  });
}

function describe(job: ScenarioJob): string {
  const point = Object.entries(job.point).map(([k, v]) => `${k}=${v}`).join(',');
  return `${job.strategy}${point ? ` @ ${point}` : ''} rep ${job.rep}`;
}
