/**
 * The queueing resources of a model — where requests can wait — and the service each one
 * gives per visit. A resource is `units` identical copies (app instances, replicas) that
 * share its visits evenly, each with `servers` servers of a given `speed` (work per second):
 * fractional cores c become ⌊c⌋ servers of speed c/⌊c⌋ (or one slower server when c < 1).
 */
import type { Catalogue } from './catalogue.js';

/** fcfs: wait for a free server; ps: share the cores (processor sharing); free: a core per
 * request, never waits (workers with at least as many cores); hold: workers or threads
 * held for the whole request. */
export type Discipline = 'fcfs' | 'ps' | 'free' | 'hold';

export interface Resource {
  readonly id: string;
  readonly component: string;
  readonly kind: string;
  /** What of the component it is, for the report: "CPU (event loop)", "primary CPU", … */
  readonly role: string;
  readonly units: number;
  readonly servers: number;
  readonly speed: number;
  readonly discipline: Discipline;
  /** Most requests in a unit at once (a station's capacity K), or Infinity. */
  readonly capacity: number;
  /** Squared coefficient of variation of the arrivals at one unit: 1 for Poisson; 1/k for a
   * Poisson stream dealt in turn over k instances (Erlang-k gaps). */
  readonly arrivalScv: number;
  /** The tier whose requests hold it (hold resources only). */
  readonly tier?: string;
}

/** n servers of speed c/n that together do c units of work per second. */
function cores(c: number): { servers: number; speed: number } {
  const servers = Math.max(1, Math.floor(c));
  return { servers, speed: c / servers };
}

const base = { capacity: Infinity, arrivalScv: 1 };

export function resourcesOf(cat: Catalogue): Resource[] {
  const out: Resource[] = [];
  for (const t of cat.tiers) {
    const s = t.settings;
    const common = { ...base, component: t.name, kind: 'app_tier', units: s.instances, arrivalScv: cat.balanced ? 1 / s.instances : 1 };
    if (s.runtime === 'event_loop') {
      out.push({ ...common, id: `${t.name}/cpu`, role: 'CPU (event loop)', servers: 1, speed: s.cpuCores, discipline: 'fcfs' });
    } else if (s.cpuCores >= s.slots) {
      out.push({ ...common, id: `${t.name}/cpu`, role: 'CPU', servers: s.cpuCores, speed: 1, discipline: 'free' });
    } else {
      const role = s.runtime === 'threads' && s.cpuCores < s.cores ? 'CPU (one core: GIL)' : 'CPU';
      out.push({ ...common, id: `${t.name}/cpu`, role, ...cores(s.cpuCores), discipline: 'ps' });
    }
    if (s.slots > 0) {
      out.push({ ...common, id: `${t.name}/${s.runtime}`, role: s.runtime, servers: s.slots, speed: 1, discipline: 'hold', tier: t.name });
    }
  }
  for (const db of cat.databases.values()) {
    out.push({ ...base, id: `${db.name}/primary`, component: db.name, kind: 'database', role: 'primary CPU', units: 1, ...cores(db.config.cores), discipline: 'ps' });
    if (db.replicas !== null) {
      out.push({ ...base, id: `${db.name}/replicas`, component: db.name, kind: 'database', role: 'replica CPU', units: db.replicas.count, ...cores(db.replicas.cores), discipline: 'ps' });
    }
  }
  for (const c of cat.caches.values()) {
    if (c.config.servers === undefined) continue;
    out.push({ ...base, id: `${c.name}/server`, component: c.name, kind: 'cache', role: 'server threads', units: 1, servers: c.config.servers, speed: 1, discipline: 'fcfs' });
  }
  for (const [name, s] of cat.stations) {
    const ps = s.discipline === 'ps';
    out.push({
      id: name, component: name, kind: 'station', role: `station (${s.discipline})`, units: 1,
      ...(ps ? cores(s.servers) : { servers: s.servers, speed: 1 }),
      discipline: ps ? 'ps' : 'fcfs', capacity: s.capacity ?? Infinity, arrivalScv: 1,
    });
  }
  return out;
}

/** Work per second a resource can do in all: units × servers × speed. */
export function capacityOf(r: Resource): number {
  return r.units * r.servers * r.speed;
}
