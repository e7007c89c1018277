/**
 * Which cores the API, Postgres and the load driver run on, and so how many cores each has in
 * the model. On two or more cores with taskset: Postgres and its backends on CPU 1
 * (`database.cores: 1`), the API and the driver on CPU 0 — one core that the model's app
 * instance stands for, the driver's CPU per request charged to it as cpu steps, so the
 * whole machine's CPU is in the model. Otherwise nothing is pinned and the database is given
 * the cores the event loop leaves.
 */
import { cpus } from 'node:os';
import { canPin } from './pin.js';
import type { CpuLayout } from './result.js';

export async function cpuLayout(wanted: boolean): Promise<CpuLayout> {
  const count = cpus().length;
  if (wanted && count >= 2 && (await canPin())) {
    return {
      pinned: true, api: '0', postgres: '1', driver: '0', modelCores: { app: 1, db: 1 },
      note: 'API (event loop) and load driver pinned to CPU 0, Postgres to CPU 1; model: app 1 core (driver CPU charged to it), database 1 core',
    };
  }
  const db = Math.max(1, count - 1);
  return {
    pinned: false, api: null, postgres: null, driver: null, modelCores: { app: 1, db },
    note: `nothing pinned (${wanted ? 'taskset unavailable or a single core' : 'pinning switched off'}); model: app 1 core, database ${db} core(s)`,
  };
}
