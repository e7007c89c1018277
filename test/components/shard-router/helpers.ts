// Test helpers for the shard router: N database shards with constant query costs, a router
// over them built from a YAML-shaped config, and requests started at chosen times.
import { database } from '../../../src/components/database.js';
import type { DatabaseComponent } from '../../../src/components/database/runtime.js';
import { shardRouter, type ShardRouter } from '../../../src/components/shard-router.js';
import type { Request } from '../../../src/flow/request.js';
import type { Step } from '../../../src/flow/step.js';
import { DbStep } from '../../../src/flow/steps/db.js';
import { testWorld, type TestWorld } from '../env.js';

export const RTT = 0.0005;
export const GET_MS = 2;

/** One table, a keyed read and write (row key: user) and a keyless page (rows: 20). */
export const catalogue = (getMs = GET_MS) => ({
  tables: { users: { rows: '1M' } },
  queries: {
    get_user: { table: 'users', cost: { constant: `${getMs}ms` } },
    insert_user: { table: 'users', write: true, cost: { constant: '1ms' } },
    list_users: { table: 'users', lookup: 'index', rows: 20, cost: { constant: '5ms' } },
  },
});

export interface ShardWorld extends TestWorld {
  router: ShardRouter;
  shards: DatabaseComponent[];
  step(query: string): Step;
  send(at: number, flow: readonly Step[], user: number): Request;
}

/** `shards` named db1..dbN (and `extra` more, e.g. one a resharding adds), each with `dbConfig(i)`. */
export function shardWorld(
  router: Record<string, unknown>, shards: number, extra = 0,
  dbConfig: (i: number) => Record<string, unknown> = () => catalogue(), setup?: (world: TestWorld) => void,
): ShardWorld {
  const world = testWorld(1);
  setup?.(world);
  const built: DatabaseComponent[] = [];
  for (let i = 1; i <= shards + extra; i++) {
    const db = database.build(`db${i}`, database.schema.parse({ kind: 'database', ...dbConfig(i) }), world.env(`db${i}`));
    world.components.set(`db${i}`, db);
    built.push(db);
  }
  const names = Array.from({ length: shards }, (_, i) => `db${i + 1}`);
  const r = shardRouter.build('users', shardRouter.schema.parse({ kind: 'shard_router', shards: names, key: 'user', ...router }), world.env('users'));
  return {
    ...world,
    router: r,
    shards: built,
    step: (query) => new DbStep(`db:${query}`, r, r.plan(query), 'auto', 1),
    send(at, flow, user) {
      const req = world.request(0, [user]);
      world.sim.schedule(at - world.sim.now, (q: Request) => {
        q.startedAt = world.sim.now;
        world.flow.start(q, flow);
      }, req);
      return req;
    },
  };
}

export const executions = (db: DatabaseComponent, query: string) => db.executions[db.settings.plans.get(query)!.index]!;
