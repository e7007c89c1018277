/**
 * CPU pinning with taskset (util-linux), so that the API, Postgres and the load driver each
 * run on known cores of the shared machine and the model can say which cores each has; and
 * scheduling priority (nice), so that on a machine shared with other work the system under
 * test is served first. New threads and forked processes (Postgres backends) inherit both.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { promisify } from 'node:util';
import { childrenOf } from './proc-cpu.js';

const run = promisify(execFile);

/** Whether taskset is available here (Linux with util-linux). */
export async function canPin(): Promise<boolean> {
  try {
    await run('taskset', ['-p', String(process.pid)]);
    return true;
  } catch {
    return false;
  }
}

/** Pin every thread of `pid` to `cpus` (a taskset list such as "0" or "0,1"). */
export async function pin(pid: number, cpus: string): Promise<void> {
  if (!/^\d+([-,]\d+)*$/.test(cpus)) throw new RangeError(`cpus = ${JSON.stringify(cpus)} is not allowed: expected a CPU list such as "0" or "0-1"`);
  await run('taskset', ['-a', '-c', '-p', cpus, String(pid)]);
}

/** Pin a process and its current children (Postgres's postmaster and its workers). */
export async function pinTree(pid: number, cpus: string): Promise<void> {
  await pin(pid, cpus);
  for (const child of childrenOf(pid)) await pin(child, cpus).catch(() => undefined); // a child may just have exited
}

/** The CPU list `pid` may run on, e.g. "0,1". */
export async function affinityOf(pid: number): Promise<string> {
  const { stdout } = await run('taskset', ['-c', '-p', String(pid)]);
  const list = /:\s*(\S+)\s*$/.exec(stdout.trim());
  if (!list) throw new Error(`cannot read the affinity of process ${pid} from taskset: ${stdout.trim()}`);
  return list[1]!;
}

function threadsOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [pid];
  }
}

/** Set the nice value of every thread of `pid` (Linux keeps one per thread). */
export function renice(pid: number, nice: number): void {
  if (!Number.isInteger(nice) || nice < -20 || nice > 19) throw new RangeError(`nice = ${nice} is not allowed: expected an integer from -20 to 19`);
  for (const tid of threadsOf(pid)) {
    try {
      setPriority(tid, nice);
    } catch (err) {
      throw new Error(`cannot set nice ${nice} on thread ${tid} of process ${pid} (${(err as Error).message}); negative values need root or CAP_SYS_NICE`);
    }
  }
}

/** Renice a process and its current children. */
export function reniceTree(pid: number, nice: number): void {
  renice(pid, nice);
  for (const child of childrenOf(pid)) {
    try {
      renice(child, nice);
    } catch {
      // a child may just have exited
    }
  }
}

/** The current nice value of this process's main thread. */
export function ownNice(): number {
  return getPriority(process.pid);
}
