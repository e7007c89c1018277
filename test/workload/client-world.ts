// Test helper for client behaviour: a source built from a YAML-shaped `client:` block in front
// of a scripted server that answers each attempt after a delay with success or an error, or
// never. Every attempt the server sees is recorded with its time, attempt number and keys.
import type { Entry } from '../../src/components/contracts.js';
import { createContext } from '../../src/engine/context.js';
import { Simulation } from '../../src/engine/simulation.js';
import type { ErrorCause, Request } from '../../src/flow/request.js';
import { trafficSource, type TrafficSource } from '../../src/model/schema/traffic.js';
import { buildSource, idCounter, type TrafficGenerator } from '../../src/workload/index.js';

export interface Outcome {
  /** Seconds until the server answers; Infinity never answers. */
  after: number;
  /** null: 200 OK; else the error cause, answered with `status`. */
  error: ErrorCause | null;
  status?: number;
}

export interface Seen {
  t: number;
  id: number;
  attempt: number;
  key: number;
}

export interface ClientWorld {
  sim: Simulation;
  gen: TrafficGenerator;
  seen: Seen[];
}

export const ok = (after = 0.01): Outcome => ({ after, error: null });
export const fail = (after = 0.01, error: ErrorCause = 'dropped', status = 503): Outcome => ({ after, error, status });

/** `source` is the YAML of one traffic source (parsed here, defaults applied); the server answers per `server`. */
export function clientWorld(source: Record<string, unknown>, server: (req: Request, now: number) => Outcome, until = 100): ClientWorld {
  const sim = new Simulation(1);
  const seen: Seen[] = [];
  const stub = createContext(sim, '__server');
  const answer = (req: Request): void => {
    const o = outcomes.get(req)!;
    outcomes.delete(req);
    req.responded = true;
    req.error = o.error;
    req.status = o.error === null ? 200 : o.status ?? 503;
    req.respondedAt = sim.now;
    req.source?.onResponse(req);
  };
  const outcomes = new Map<Request, Outcome>();
  const entry: Entry = {
    accept(req) {
      seen.push({ t: sim.now, id: req.id, attempt: req.attempt, key: req.keys[0]! });
      const o = server(req, sim.now);
      if (o.after === Infinity) return;
      outcomes.set(req, o);
      stub.schedule(o.after, answer, req);
    },
  };
  const config = trafficSource().parse(source) as TrafficSource;
  const gen = buildSource(config, {
    name: 'web',
    ctx: createContext(sim, 'traffic/web'),
    entry,
    endpoints: ['get_user', 'update_user'],
    keySpaces: [{ name: 'user', spec: { uniform_int: { min: 1, max: 1000 } } }],
    until,
    modelDir: '.',
    nextId: idCounter(),
  });
  gen.start();
  return { sim, gen, seen };
}

/** An open-loop source of evenly spaced calls at `rate` per second with `client`. */
export const evenly = (rate: number, client: Record<string, unknown>) => ({
  type: 'open_loop', rate: `${rate}/s`, poisson: false, mix: { get_user: 1 }, client,
});
