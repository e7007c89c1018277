// Test helper: a BuildEnv for one component without the model pipeline — a Simulation, a
// FlowRunner that records responses, a price book, and `lookup` over a map you fill.
import { Simulation } from '../../src/engine/simulation.js';
import { createContext } from '../../src/engine/context.js';
import { FlowRunner } from '../../src/flow/runner.js';
import { Request } from '../../src/flow/request.js';
import type { Step } from '../../src/flow/step.js';
import type { BuildEnv, FlowTable, PriceBook } from '../../src/components/define.js';

export interface TestWorld {
  sim: Simulation;
  flow: FlowRunner;
  responses: Request[];
  components: Map<string, unknown>;
  /** Endpoint flows by index: push your hand-made flows here before requests arrive. */
  flows: { endpoints: (readonly Step[])[] } & FlowTable;
  env(name: string): BuildEnv;
  request(endpoint?: number, keys?: number[]): Request;
}

export const testPrices: PriceBook = {
  perHour: (t) => ({ 'm5.large': 0.096, 'db.m5.large': 0.171, 'cache.m5.large': 0.156 } as Record<string, number>)[t] ?? 0,
  has: (t) => ['m5.large', 'db.m5.large', 'cache.m5.large'].includes(t),
};

export function testWorld(seed: string | number = 1, keySpaces = ['user', 'item']): TestWorld {
  const sim = new Simulation(seed);
  const responses: Request[] = [];
  const flow = new FlowRunner(createContext(sim, '__flow'), (req) => responses.push(req));
  const components = new Map<string, unknown>();
  const flows: { endpoints: (readonly Step[])[] } = { endpoints: [] };
  let nextId = 0;
  return {
    sim,
    flow,
    responses,
    components,
    flows,
    env(name: string): BuildEnv {
      return {
        ctx: createContext(sim, name),
        flow,
        lookup<T>(other: string): T {
          if (!components.has(other)) throw new Error(`test env: no component ${other}`);
          return components.get(other) as T;
        },
        prices: testPrices,
        network: { rtt: 0.0005 },
        keySpaceIndex: (space) => {
          const i = keySpaces.indexOf(space);
          if (i < 0) throw new Error(`test env: no key space ${space}`);
          return i;
        },
        subContext: (sub) => createContext(sim, `${name}/${sub}`),
        flows,
      };
    },
    request(endpoint = 0, keys: number[] = []): Request {
      const req = new Request(keySpaces.length);
      req.id = nextId++;
      req.endpoint = endpoint;
      req.startedAt = sim.now;
      keys.forEach((k, i) => (req.keys[i] = k));
      return req;
    },
  };
}

/** A step that runs `fn` once and moves on (for hand-made flows in tests). */
export function stepOf(kind: string, fn: (req: Request) => void): Step {
  return { kind, label: kind, run: (req, flow) => { fn(req); flow.next(req); } };
}
