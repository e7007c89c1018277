/**
 * The Postgres server shared by every API process of a validation run: embedded (or
 * DATABASE_URL), started once, optionally pinned, with its CPU time readable so that
 * calibration can charge each query its share of Postgres's work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startPostgres } from '../postgres.js';
import { pinTree } from './pin.js';
import { treeCpuMs } from './proc-cpu.js';

export interface ValidationDatabase {
  readonly url: string;
  readonly embedded: boolean;
  /** The postmaster's pid (embedded only). */
  readonly pid: number | undefined;
  /** CPU milliseconds used by Postgres so far; null when it cannot be read (external server). */
  cpuMs(): number | null;
  /**
   * Write out every dirty buffer now (CHECKPOINT). After a seed, Postgres would otherwise spread
   * that work over the next minutes (checkpoint_completion_target × checkpoint_timeout), and
   * calibration would charge it to the queries it measures (most likely why an early full run
   * found the aggregation at 10 ms of Postgres CPU in its first minutes, 6.5 ms later). Resolves to
   * null, or why it could not (CHECKPOINT needs superuser rights on an external server).
   */
  checkpoint(): Promise<string | null>;
  stop(): Promise<void>;
}

export interface DatabaseOptions {
  readonly databaseUrl?: string | undefined;
  readonly durable: boolean;
  readonly maxConnections: number;
  /** taskset CPU list for the server and its backends; undefined leaves it unpinned. */
  readonly cpus?: string | undefined;
}

export async function startDatabase(options: DatabaseOptions): Promise<ValidationDatabase> {
  const server = await startPostgres({ databaseUrl: options.databaseUrl, durable: options.durable, maxConnections: options.maxConnections });
  const pid = server.dir === undefined ? undefined : postmasterPid(server.dir);
  try {
    if (pid !== undefined && options.cpus !== undefined) await pinTree(pid, options.cpus);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    url: server.url,
    embedded: server.embedded,
    pid,
    cpuMs: () => (pid === undefined ? null : treeCpuMs(pid)),
    checkpoint: () => checkpoint(server.url),
    stop: () => server.stop(),
  };
}

async function checkpoint(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('CHECKPOINT');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The first line of postmaster.pid in the data directory. */
function postmasterPid(dir: string): number | undefined {
  try {
    const first = readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0];
    const pid = Number(first);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
