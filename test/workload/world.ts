// Test helper: a Simulation with a recording or answering stub Entry, and SourceEnvs for
// generators — no components, no flow runner, so arrivals can be checked exactly.
import type { Entry } from '../../src/components/contracts.js';
import { createContext } from '../../src/engine/context.js';
import type { DistributionSpec } from '../../src/engine/random/spec.js';
import { Simulation } from '../../src/engine/simulation.js';
import type { Request } from '../../src/flow/request.js';
import { idCounter, type SourceEnv } from '../../src/workload/index.js';

export interface Arrival {
  t: number;
  id: number;
  endpoint: number;
  keys: number[];
  req: Request;
}

export interface WorldOptions {
  seed?: string | number;
  endpoints?: string[];
  keySpaces?: { name: string; spec: DistributionSpec | null }[];
  until?: number;
  modelDir?: string;
  /** Answer each request after this many seconds (closed loop); undefined: never answer. */
  respondAfter?: number;
  /** Status of the n-th answer (0-based), default 200. */
  status?: (n: number) => number;
}

export interface World {
  sim: Simulation;
  arrivals: Arrival[];
  entry: Entry;
  env(name: string, overrides?: Partial<SourceEnv>): SourceEnv;
}

export function world(opts: WorldOptions = {}): World {
  const sim = new Simulation(opts.seed ?? 1);
  const arrivals: Arrival[] = [];
  const nextId = idCounter();
  const stub = createContext(sim, '__stub');
  let answered = 0;
  const answer = (req: Request): void => {
    req.responded = true;
    req.status = opts.status?.(answered++) ?? 200;
    req.respondedAt = sim.now;
    req.source?.onResponse(req);
  };
  const entry: Entry = {
    accept(req) {
      arrivals.push({ t: sim.now, id: req.id, endpoint: req.endpoint, keys: [...req.keys], req });
      if (opts.respondAfter !== undefined) stub.schedule(opts.respondAfter, answer, req);
    },
  };
  return {
    sim,
    arrivals,
    entry,
    env: (name, overrides = {}) => ({
      name,
      ctx: createContext(sim, `traffic/${name}`),
      entry,
      endpoints: opts.endpoints ?? ['get_user', 'update_user', 'login'],
      keySpaces: opts.keySpaces ?? [{ name: 'user', spec: { uniform_int: { min: 1, max: 1000 } } }],
      until: opts.until ?? 100,
      modelDir: opts.modelDir ?? '.',
      nextId,
      ...overrides,
    }),
  };
}

/** Arrivals in [a, b). */
export function countIn(times: ArrayLike<number>, a: number, b: number): number {
  let n = 0;
  for (let i = 0; i < times.length; i++) if (times[i]! >= a && times[i]! < b) n++;
  return n;
}
