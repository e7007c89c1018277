// Resharding: at `at` the router switches maps; the moved fraction is what the policies give
// over keys 1..keys; moved keys go to their new shard, paying one cold read each; the
// migration copies exactly the moved rows at its rate; connections follow the shards.
import { describe, expect, it } from 'vitest';
import { consistentHashMap, movement, moduloMap } from '../../src/components/policies/sharding/index.js';
import { executions, GET_MS, RTT, shardWorld } from './shard-router/helpers.js';

const KEYS = 2000;
const before = consistentHashMap(['db1', 'db2', 'db3'], 64);
const after = consistentHashMap(['db1', 'db2', 'db3', 'db4'], 64);
const moved = movement(before, after, 1, KEYS);

describe('shard_router: adding a shard', () => {
  it('reports the moved fraction the policy gives over keys 1..keys (about 1/(N+1))', () => {
    const w = shardWorld({ vnodes: 64, reshard: { at: '5s', add: 'db4', keys: KEYS } }, 3, 1);
    w.sim.run({ until: 6 });
    const extra = w.router.report(6).extra!;
    expect(extra).toMatchObject({ reshard_at: 5, moved_fraction: moved.fraction, moved_keys: moved.moved, keys_examined: KEYS, shards: 4 });
    expect(Math.abs(moved.fraction - 0.25)).toBeLessThan(0.06);
  });

  it('modulo moves about N/(N+1) of the keys instead', () => {
    const w = shardWorld({ policy: 'modulo', reshard: { at: '1s', add: 'db4', keys: 100_000 } }, 3, 1);
    w.sim.run({ until: 2 });
    const f = w.router.report(2).extra!.moved_fraction!;
    expect(f).toBe(movement(moduloMap(['db1', 'db2', 'db3']), moduloMap(['db1', 'db2', 'db3', 'db4']), 1, 100_000).fraction);
    expect(Math.abs(f - 0.75)).toBeLessThan(0.01);
  });

  it('routes by the old map before `at` and the new one after; a moved key is cold once', () => {
    const w = shardWorld({ vnodes: 64, reshard: { at: '5s', add: 'db4', keys: KEYS, cold_read: '10ms' } }, 3, 1);
    const movedKey = [...Array(KEYS).keys()].map((k) => k + 1).find((k) => before.names[before.shardOf(k)] !== after.names[after.shardOf(k)])!;
    const stayingKey = [...Array(KEYS).keys()].map((k) => k + 1).find((k) => before.names[before.shardOf(k)] === after.names[after.shardOf(k)])!;
    const get = [w.step('get_user')];
    w.send(1, get, movedKey);
    w.send(6, get, movedKey);
    w.send(7, get, movedKey);
    w.send(8, get, stayingKey);
    w.sim.run();
    const t = w.responses.map((r) => r.respondedAt - r.startedAt);
    const plain = RTT + GET_MS / 1000;
    expect(t[0]).toBeCloseTo(plain, 12);
    expect(t[1]).toBeCloseTo(plain + 0.010, 12);
    expect(t[2]).toBeCloseTo(plain, 12);
    expect(t[3]).toBeCloseTo(plain, 12);
    const oldHome = w.shards.findIndex((db) => db.name === before.names[before.shardOf(movedKey)]);
    expect(executions(w.shards[oldHome]!, 'get_user')).toBe(1 + (oldHome === w.shards.findIndex((db) => db.name === after.names[after.shardOf(stayingKey)]) ? 1 : 0));
    expect(executions(w.shards[3]!, 'get_user')).toBe(2);
    expect(w.router.report(w.sim.now).extra).toMatchObject({ cold_reads: 1, moved_queries: 2, moved_query_fraction: 2 / 3 });
  });

  it('copies exactly the moved rows, read on the old shard and written on the new, at its rate', () => {
    const w = shardWorld({ vnodes: 64, reshard: { at: '5s', add: 'db4', keys: KEYS, copy: { read: 'get_user', write: 'insert_user', rate: '1000/s' } } }, 3, 1);
    w.sim.run();
    const extra = w.router.report(w.sim.now).extra!;
    expect(extra.migration_rows_copied).toBe(moved.moved);
    expect(extra.migration_rows_in_flight).toBe(0);
    // the last row starts at (moved − 1) / rate and takes a read and a write round trip
    expect(extra.migration_seconds).toBeCloseTo((moved.moved - 1) / 1000 + 2 * RTT + 0.002 + 0.001, 9);
    expect(w.shards.slice(0, 3).reduce((n, db) => n + executions(db, 'get_user'), 0)).toBe(moved.moved);
    expect(executions(w.shards[3]!, 'insert_user')).toBe(moved.moved);
    expect(w.shards.slice(0, 3).map((db) => executions(db, 'insert_user'))).toEqual([0, 0, 0]);
    // migration traffic is not request traffic
    expect(w.flow.started).toBe(0);
  });

  it('opens the router\'s connections on the new shard', () => {
    const w = shardWorld({ vnodes: 64, reshard: { at: '5s', add: 'db4', keys: KEYS } }, 3, 1);
    w.router.connect();
    w.router.connect();
    w.sim.run();
    expect(w.shards.map((db) => db.connections.gauge.max)).toEqual([2, 2, 2, 2]);
    w.router.disconnect();
    expect(w.shards.map((db) => db.connect())).toEqual([true, true, true, true]);
  });
});

describe('shard_router: removing a shard', () => {
  it('moves exactly the removed shard\'s keys and closes its connections', () => {
    const w = shardWorld({ vnodes: 64, reshard: { at: '2s', remove: 'db2', keys: KEYS, cold_read: 0 } }, 3, 0, (i) => ({
      tables: { users: { rows: '1M' } }, queries: { get_user: { table: 'users', cost: { constant: '1ms' } } }, max_connections: i === 2 ? 1 : 5,
    }));
    w.router.connect();
    w.sim.run();
    const share = [...Array(KEYS).keys()].filter((k) => before.names[before.shardOf(k + 1)] === 'db2').length;
    expect(w.router.report(w.sim.now).extra).toMatchObject({ moved_keys: share, shards: 2 });
    expect(w.shards[1]!.connect()).toBe(true);
    for (let user = 1; user <= 100; user++) w.send(w.sim.now + user * 0.01, [w.step('get_user')], user);
    w.sim.run();
    expect(executions(w.shards[1]!, 'get_user')).toBe(0);
  });
});

describe('shard_router: caches flushed at the change', () => {
  it('empties the caches listed in reshard.flush and reports the entries dropped', () => {
    let held = 7;
    const w = shardWorld({ vnodes: 64, reshard: { at: '1s', add: 'db4', keys: 100, flush: ['local'] } }, 3, 1, undefined, (world) => {
      world.components.set('local', { flush: () => { const n = held; held = 0; return n; } });
    });
    w.sim.run();
    expect(held).toBe(0);
    expect(w.router.report(w.sim.now).extra!.cache_entries_flushed).toBe(7);
  });
});
