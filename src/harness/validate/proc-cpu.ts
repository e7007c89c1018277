/**
 * CPU time of other processes, read from /proc (Linux): what Postgres's backends spent on
 * our queries, and what the API process spent beyond its Server-Timing phases. Scheduler
 * statistics (`se.sum_exec_runtime`, ns precision) are used where the kernel exposes them,
 * else the 10 ms clock ticks of /proc/<pid>/stat. Elsewhere than Linux every figure is null.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on every Linux we run on

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces). */
function statFields(pid: number): string[] | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  return text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/);
}

/** Milliseconds one thread (or single-threaded process) has run, precise when possible. */
function taskMs(dir: string): number | undefined {
  const sched = read(`${dir}/sched`);
  const m = sched === undefined ? null : /se\.sum_exec_runtime\s*:\s*([\d.]+)/.exec(sched);
  if (m) return Number(m[1]);
  const text = read(`${dir}/stat`);
  if (text === undefined) return undefined;
  const f = text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/);
  // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the name
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/** CPU milliseconds of every thread of `pid`; undefined when the process is gone. */
export function processCpuMs(pid: number): number | undefined {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  let total = 0;
  for (const tid of tids) total += taskMs(`/proc/${pid}/task/${tid}`) ?? 0;
  return total;
}

/** CPU milliseconds of one thread (default the main thread: for Node, the event loop). */
export function threadCpuMs(pid: number, tid = pid): number | undefined {
  return taskMs(`/proc/${pid}/task/${tid}`);
}

/** Busy CPU milliseconds of the whole machine since boot (all cores), from /proc/stat. */
export function machineBusyMs(): number | undefined {
  const line = read('/proc/stat')?.split('\n')[0];
  if (line === undefined || !line.startsWith('cpu ')) return undefined;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy
  const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0);
  return busy * TICK_MS;
}

/** Children of `pid` (one level), from each process's parent field. */
export function childrenOf(pid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f !== undefined && Number(f[1]) === pid) out.push(Number(name));
  }
  return out;
}

/**
 * CPU milliseconds of a process and its children, plus what its exited children left in
 * its cutime/cstime (autovacuum workers come and go): Postgres's postmaster and backends.
 * Null when /proc is not available or the process is gone.
 */
export function treeCpuMs(pid: number): number | null {
  const own = processCpuMs(pid);
  if (own === undefined) return null;
  const f = statFields(pid);
  const reaped = f === undefined ? 0 : (Number(f[13]) + Number(f[14])) * TICK_MS;
  let total = own + reaped;
  for (const child of childrenOf(pid)) total += processCpuMs(child) ?? 0;
  return total;
}
