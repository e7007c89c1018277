/**
 * Start the real API in a child process (serve.ts under tsx), optionally pinned to some CPUs,
 * and talk to it over IPC: its URL, its event-loop busy time and CPU (`usage`), and a clean
 * stop. One child per system configuration; Postgres is shared and outlives them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SystemOptionsInput } from '../options.js';
import { pin } from './pin.js';
import type { FromChild, ToChild } from './serve.js';

export interface ApiUsage {
  /** Cumulative milliseconds the event loop was busy / idle since the process started. */
  readonly loopActiveMs: number;
  readonly loopIdleMs: number;
  /** Cumulative CPU milliseconds of the whole process (all threads). */
  readonly cpuMs: number;
}

export interface ApiProcess {
  readonly url: string;
  readonly pid: number;
  usage(): Promise<ApiUsage>;
  stop(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('./serve.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ApiProcessOptions {
  readonly system: SystemOptionsInput;
  /** CPU list for taskset, e.g. "0"; undefined leaves the process unpinned. */
  readonly cpus?: string | undefined;
  /** Longest wait for the API to be up (ms). */
  readonly startTimeoutMs?: number;
}

export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const child = fork(SERVE, [], {
    execArgv: ['--import', TSX],
    env: { ...process.env, STACKSIM_VALIDATE_OPTIONS: JSON.stringify(options.system) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (options.cpus !== undefined && child.pid !== undefined) await pin(child.pid, options.cpus);
  const ready = await waitReady(child, options.startTimeoutMs ?? 180_000);
  return handle(child, ready.url, ready.pid);
}

function waitReady(child: ChildProcess, timeoutMs: number): Promise<{ url: string; pid: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API process did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`the API process exited (code ${code}) before it was ready`));
    };
    child.once('exit', onExit);
    child.on('message', (m: FromChild) => {
      if (m.type === 'failed') {
        clearTimeout(timer);
        child.off('exit', onExit);
        reject(new Error(`the API process failed to start: ${m.message}`));
      } else if (m.type === 'ready') {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve({ url: m.url, pid: m.pid });
      }
    });
  });
}

function handle(child: ChildProcess, url: string, pid: number): ApiProcess {
  let nextId = 0;
  const pending = new Map<number, (u: ApiUsage) => void>();
  child.on('message', (m: FromChild) => {
    if (m.type !== 'usage') return;
    pending.get(m.id)?.({ loopActiveMs: m.loopActiveMs, loopIdleMs: m.loopIdleMs, cpuMs: m.cpuMs });
    pending.delete(m.id);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  let stopping: Promise<void> | undefined;
  return {
    url,
    pid,
    usage() {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, resolve);
        if (!child.send({ type: 'usage', id } satisfies ToChild)) reject(new Error('the API process is gone'));
      });
    },
    stop() {
      stopping ??= (async () => {
        if (child.connected) child.send({ type: 'stop' } satisfies ToChild);
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
