/**
 * Which cores the API, Postgres and the load driver run on, and so how many cores each has in
 * the model. On two or more cores with taskset: the API on CPU 0 (its event loop has a core
 * to itself: `cores: 1`), Postgres and its backends on CPU 1 (`database.cores: 1`), and the
 * driver unpinned, free to use whichever core has room. Otherwise nothing is pinned and the
 * database is given the cores the event loop leaves.
 */
import { cpus } from 'node:os';
import { canPin } from './pin.js';
import type { CpuLayout } from './result.js';

export async function cpuLayout(wanted: boolean): Promise<CpuLayout> {
  const count = cpus().length;
  if (wanted && count >= 2 && (await canPin())) {
    return {
      pinned: true, api: '0', postgres: '1', driver: null, modelCores: { app: 1, db: 1 },
      note: 'API (event loop) pinned to CPU 0, Postgres to CPU 1, driver unpinned; model: app 1 core, database 1 core',
    };
  }
  const db = Math.max(1, count - 1);
  return {
    pinned: false, api: null, postgres: null, driver: null, modelCores: { app: 1, db },
    note: `nothing pinned (${wanted ? 'taskset unavailable or a single core' : 'pinning switched off'}); model: app 1 core, database ${db} core(s)`,
  };
}
