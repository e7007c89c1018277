/**
 * A scenario worker thread: loads the experiment once (from the file and overrides it was
 * started with), then runs the scenarios it is sent, one message each, and posts back the
 * outcome or the error. Started by pool.ts through worker-boot.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadExperiment } from './load.js';
import { runScenario, type ScenarioJob } from './scenario.js';
import type { ExperimentOverrides } from './setup.js';

export interface WorkerInit {
  file: string;
  overrides: ExperimentOverrides;
}

export type WorkerRequest = { id: number; job: ScenarioJob };
export type WorkerReply = { id: number; outcome: ReturnType<typeof runScenario> } | { id: number; error: string };

const port = parentPort;
if (port === null) throw new Error('experiment/worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
const exp = loadExperiment(init.file, { overrides: init.overrides, checkAll: false });

port.on('message', (msg: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: msg.id, outcome: runScenario(exp, msg.job) };
  } catch (err) {
    reply = { id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  port.postMessage(reply);
});
