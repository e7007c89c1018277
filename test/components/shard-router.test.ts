// The shard router through real `db` steps: keyed queries reach exactly the shard the policy
// names, keyless ones scatter and wait for the slowest shard, per-shard load and the
// hottest-to-mean ratio, connections on every shard, and the schema's checks.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readDocument } from '../../src/model/load.js';
import type { ModelErrors } from '../../src/model/errors.js';
import { loadModelDocument } from '../../src/run/load-model.js';
import { shardRouter } from '../../src/components/shard-router.js';
import { consistentHashMap, moduloMap, rangeMap } from '../../src/components/policies/sharding/index.js';
import { catalogue, executions, GET_MS, RTT, shardWorld } from './shard-router/helpers.js';

const names3 = ['db1', 'db2', 'db3'];

describe('shard_router: routing by key', () => {
  for (const [policy, config, map] of [
    ['modulo', { policy: 'modulo' }, moduloMap(names3)],
    ['consistent_hash', { policy: 'consistent_hash', vnodes: 64 }, consistentHashMap(names3, 64)],
    ['range', { policy: 'range', boundaries: [100, 200] }, rangeMap(names3, [100, 200])],
  ] as const) {
    it(`${policy}: each keyed query runs once, on the shard the map names`, () => {
      const w = shardWorld(config, 3);
      const expected = [0, 0, 0];
      for (let user = 1; user <= 300; user++) {
        w.send(user * 0.01, [w.step('get_user')], user);
        expected[map.shardOf(user)]!++;
      }
      w.sim.run();
      expect(w.shards.map((db) => executions(db, 'get_user'))).toEqual(expected);
      const extra = w.router.report(w.sim.now).extra!;
      expect([extra.shard_db1_queries, extra.shard_db2_queries, extra.shard_db3_queries]).toEqual(expected);
      expect(extra).toMatchObject({ queries: 300, keyed: 300, scattered: 0, shards: 3 });
      expect(w.responses).toHaveLength(300);
      for (const r of w.responses) expect(r.respondedAt - r.startedAt).toBeCloseTo(RTT + GET_MS / 1000, 12);
    });
  }

  it('a hot key makes a hot shard: every query on one key gives hottest-to-mean = N', () => {
    const w = shardWorld({ policy: 'modulo' }, 4);
    for (let i = 0; i < 100; i++) w.send(i * 0.01, [w.step('get_user')], 42);
    w.sim.run();
    expect(w.router.report(w.sim.now).extra!.hot_to_mean).toBe(4);
  });

  it('evenly spread keys give hottest-to-mean near 1', () => {
    const w = shardWorld({ policy: 'range', boundaries: [1001, 2001, 3001] }, 4);
    for (let user = 1; user <= 4000; user++) w.send(user * 0.001, [w.step('get_user')], user);
    w.sim.run();
    expect(w.router.report(w.sim.now).extra!.hot_to_mean).toBe(1);
  });

  it('reports the hottest shard\'s utilisation as its own, and each shard\'s', () => {
    const w = shardWorld({ policy: 'modulo' }, 2);
    // a key on db1 only: 50 queries of 2ms over 1s keep db1's 2 cores 5% busy
    const key = [1, 2, 3, 4, 5].find((k) => moduloMap(['db1', 'db2']).shardOf(k) === 0)!;
    for (let i = 0; i < 50; i++) w.send(i * 0.02, [w.step('get_user')], key);
    w.sim.run({ until: 1 });
    const rep = w.router.report(1);
    expect(rep.extra!.shard_db1_utilisation).toBeCloseTo(0.05, 6);
    expect(rep.extra!.shard_db2_utilisation).toBe(0);
    expect(rep.utilisation).toBeCloseTo(0.05, 6);
  });
});

describe('shard_router: scatter-gather', () => {
  it('a keyless query runs on every shard and resumes when the slowest answers', () => {
    const w = shardWorld({ policy: 'modulo' }, 3, 0, (i) => ({
      ...catalogue(),
      queries: { ...catalogue().queries, list_users: { table: 'users', lookup: 'index', rows: 20, cost: { constant: `${10 * i}ms` } } },
    }));
    w.send(0, [w.step('list_users')], 7);
    w.send(1, [w.step('list_users'), w.step('get_user')], 7);
    w.sim.run();
    const [a, b] = w.responses;
    expect(a!.respondedAt - a!.startedAt).toBeCloseTo(RTT + 0.030, 12);
    expect(b!.respondedAt - b!.startedAt).toBeCloseTo(RTT + 0.030 + RTT + GET_MS / 1000, 12);
    expect(w.shards.map((db) => executions(db, 'list_users'))).toEqual([2, 2, 2]);
    expect(w.router.report(w.sim.now).extra).toMatchObject({ queries: 3, scattered: 2, keyed: 1 });
    expect(w.router.scatter.inFlight).toBe(0);
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([2, 2, 2]);
  });

  it('a request timed out during a scatter still ends once, when the last shard answers', () => {
    const w = shardWorld({ policy: 'modulo' }, 2);
    const req = w.send(0, [w.step('list_users')], 1);
    w.sim.schedule(0.001, () => w.flow.abort(req, 'request_timeout'), null);
    w.sim.run();
    expect(req.error).toBe('request_timeout');
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([1, 1, 1]);
  });
});

describe('shard_router: connections', () => {
  it('holds one connection on every shard per connection, and rolls back a refused one', () => {
    const w = shardWorld({ policy: 'modulo' }, 3, 0, (i) => ({ ...catalogue(), max_connections: i === 2 ? 1 : 10 }));
    expect(w.router.connect()).toBe(true);
    expect(w.router.connect()).toBe(false);
    expect(w.shards.map((db) => db.connections.gauge.max)).toEqual([2, 1, 1]);
    expect(w.shards.map((db) => db.connect())).toEqual([true, false, true]);
  });
});

describe('shard_router: schema', () => {
  const parse = (c: Record<string, unknown>) => shardRouter.schema.safeParse({ kind: 'shard_router', shards: names3, key: 'user', ...c });
  const messages = (c: Record<string, unknown>) => {
    const r = parse(c);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  };

  it('defaults to consistent hashing and accepts each policy', () => {
    expect(parse({}).data).toMatchObject({ policy: 'consistent_hash' });
    expect(parse({ policy: 'range', boundaries: ['100k', '200k'] }).data).toMatchObject({ boundaries: [100_000, 200_000] });
  });

  it('refuses options of another policy, wrong boundaries and impossible reshardings', () => {
    expect(messages({ policy: 'modulo', vnodes: 10 })).toEqual(['`vnodes` applies to policy consistent_hash, not modulo']);
    expect(messages({ policy: 'range' })).toEqual(['policy range needs 2 boundaries for 3 shards']);
    expect(messages({ policy: 'range', boundaries: [5] })).toEqual(['3 shards need 2 boundaries, not 1']);
    expect(messages({ policy: 'range', boundaries: [5, 5] })).toEqual(['boundaries must increase']);
    expect(messages({ shards: ['db1', 'db1'] })).toEqual(['shard `db1` is listed twice']);
    expect(messages({ reshard: { at: '1m', keys: 100, add: 'db2' } })).toEqual(['`db2` is already a shard']);
    expect(messages({ reshard: { at: '1m', keys: 100, remove: 'db9' } })).toEqual(['`db9` is not one of the shards']);
    expect(messages({ reshard: { at: '1m', keys: 100 } })).toEqual(['a resharding adds one shard or removes one']);
    expect(messages({ policy: 'range', boundaries: [5, 9], reshard: { at: '1m', keys: 100, add: 'db4' } })).toEqual(['policy range needs 3 boundaries for 4 shards']);
  });

  it('refers to its shards and the added one (build order), and names its key space', () => {
    const config = parse({ reshard: { at: '1m', keys: 100, add: 'db4' } }).data!;
    expect(shardRouter.refs(config).map((r) => [r.path.join('.'), r.name, r.kinds])).toEqual([
      ['shards.0', 'db1', ['database']], ['shards.1', 'db2', ['database']], ['shards.2', 'db3', ['database']], ['reshard.add', 'db4', ['database']],
    ]);
    expect(shardRouter.keySpaces!(config)).toEqual([{ path: ['key'], name: 'user' }]);
  });
});

describe('shard_router: db steps in a model (models/sharded.yaml, edited)', () => {
  const load = (edit: (data: any) => void) => {
    const doc = readDocument(join(import.meta.dirname, '../../models/sharded.yaml'));
    if (!doc.ok) throw doc.errors;
    const data = structuredClone(doc.value.data) as any;
    edit(data);
    try {
      loadModelDocument({ ...doc.value, data });
      return [];
    } catch (err) {
      return (err as ModelErrors).errors.map((e) => [e.code, e.path, e.detail, e.hint]);
    }
  };

  it('loads as shipped', () => expect(load(() => undefined)).toEqual([]));

  it('points at the router when a query is named without it, and checks the shards\' catalogues', () => {
    expect(load((d) => {
      d.endpoints.get_user.steps[1] = { db: 'get_user' };
      d.endpoints.update_user.steps[1] = { db: { query: 'update_usr', database: 'users' } };
    })).toEqual([
      ['SIM_E_INVALID_VALUE', 'endpoints.get_user.steps[1].db', 'query `get_user` is defined by several databases: users_1, users_2, users_3, users_4',
        'they are shards: name their router, db: { query: get_user, database: users }'],
      ['SIM_E_DANGLING_REF', 'endpoints.update_user.steps[1].db.query', 'shard router `users`: shards users_1, users_2, users_3, users_4 have no query `update_usr`',
        'did you mean `update_user`?'],
    ]);
  });

  it('refuses a shard that is not a database', () => {
    const errors = load((d) => { d.components.users.shards = ['users_1', 'app', 'users_3']; });
    expect(errors.filter((e) => String(e[1]).startsWith('components.users')).map((e) => e.slice(0, 3)))
      .toEqual([['SIM_E_INVALID_VALUE', 'components.users.shards[1]', '`app` is a app_tier']]);
  });
});
