// Test helpers for the database family: build a database (and a pool or bouncer in front of
// it) from YAML-shaped configs, make `db` and `sleep` steps, and start requests at chosen
// times on a fake app instance whose pool is the component under test.
import { connectionPool } from '../../../src/components/connection-pool.js';
import type { ConnectionSource, PoolProvider, ReadRoute } from '../../../src/components/contracts.js';
import { database } from '../../../src/components/database.js';
import type { DatabaseComponent } from '../../../src/components/database/runtime.js';
import { pgbouncer } from '../../../src/components/pgbouncer.js';
import { createContext } from '../../../src/engine/context.js';
import { constant } from '../../../src/engine/random/continuous.js';
import type { Request } from '../../../src/flow/request.js';
import type { Step } from '../../../src/flow/step.js';
import { DbStep } from '../../../src/flow/steps/db.js';
import { SleepStep } from '../../../src/flow/steps/sleep.js';
import { testWorld, type TestWorld } from '../env.js';

export interface DbWorld extends TestWorld {
  db: DatabaseComponent;
  /** A `db` step running `query` (route auto, repeat 1 by default). */
  dbStep(query: string, route?: ReadRoute, repeat?: number): Step;
  /** A step waiting `seconds` without CPU (the app doing other work while holding its connection). */
  sleep(seconds: number): Step;
  /** Build a connection_pool or pgbouncer named `name` in front of the database. */
  pooler(kind: 'connection_pool' | 'pgbouncer', config: Record<string, unknown>, name?: string): PoolProvider;
  /** Start a request at time `at` with `keys` (user, item), optionally on an instance with `pool`. */
  send(at: number, flow: readonly Step[], keys?: number[], pool?: ConnectionSource | null): Request;
}

export function dbWorld(config: Record<string, unknown>, seed: string | number = 1): DbWorld {
  const world = testWorld(seed);
  const db = database.build('db', database.schema.parse({ kind: 'database', ...config }), world.env('db'));
  world.components.set('db', db);
  let sleeps = 0;
  return {
    ...world,
    db,
    dbStep: (query, route = 'auto', repeat = 1) => new DbStep(`db:${query}`, db, db.plan(query), route, repeat),
    sleep(seconds) {
      const name = `sleep-${sleeps++}`;
      const ctx = createContext(world.sim, name);
      return new SleepStep(name, ctx, constant(seconds), ctx.stream('delay'));
    },
    pooler(kind, cfg, name = kind) {
      const def = kind === 'connection_pool' ? connectionPool : pgbouncer;
      const built = def.build(name, def.schema.parse({ kind, database: 'db', ...cfg }) as never, world.env(name));
      world.components.set(name, built);
      return built;
    },
    send(at, flow, keys = [], pool = null) {
      const req = world.request(0, keys);
      if (pool !== null) req.instance = { name: 'app-1', pool, cpu: () => undefined };
      world.sim.schedule(at - world.sim.now, (r: Request) => {
        r.startedAt = world.sim.now;
        world.flow.start(r, flow);
      }, req);
      return req;
    },
  };
}

/** A catalogue with one table and the usual queries (constant costs where a test needs exact times). */
export const USERS = { users: { rows: '1M' } };

export function latencies(reqs: readonly Request[]): number[] {
  return reqs.map((r) => r.respondedAt - r.startedAt);
}
