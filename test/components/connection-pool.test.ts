// The per-instance connection pool through real `db` and `sleep` steps: waiting for a
// connection, timeouts, overflow connections, the database's max_connections, per-query
// checkout, and a request aborted while it waits.
import { describe, expect, it } from 'vitest';
import { connectionPool } from '../../src/components/connection-pool.js';
import type { ConnectionPoolComponent } from '../../src/components/connection-pool.js';
import { dbWorld, latencies, USERS } from './database/helpers.js';

const RTT = 0.0005;
const Q = 0.01; // every query costs exactly 10 ms of database CPU (on enough cores never to share)
const QUERY = RTT + Q;
const dbConfig = (extra: Record<string, unknown> = {}) => ({
  cores: 16, tables: USERS, queries: { q: { table: 'users', cost: { constant: '10ms' } } }, ...extra,
});

function world(pool: Record<string, unknown>, db: Record<string, unknown> = {}) {
  const w = dbWorld(dbConfig(db));
  const provider = w.pooler('connection_pool', pool) as ConnectionPoolComponent;
  return { w, provider, source: provider.forInstance('app-1') };
}

describe('connection_pool', () => {
  it('makes the third concurrent request wait for one of two connections (hold: request)', () => {
    const { w, provider, source } = world({ size: 2, max_overflow: 0 });
    for (let i = 0; i < 3; i++) w.send(0, [w.dbStep('q')], [], source);
    w.sim.run();
    expect(latencies(w.responses)).toEqual([expect.closeTo(QUERY, 12), expect.closeTo(QUERY, 12), expect.closeTo(2 * QUERY, 12)]);
    const rep = provider.report(w.sim.now);
    expect(rep.poolWaitP95Ms! / (QUERY * 1000)).toBeCloseTo(1, 2);
    expect(rep.extra).toMatchObject({ acquisitions: 3, mean_wait_ms: expect.closeTo((QUERY * 1000) / 3, 9), timeouts: 0, in_use_max: 2, open_max: 2 });
    expect(rep.maxQueue).toBe(1);
    // two connections in use for the first query, one for the second: (2 + 1) / 2 of 2 slots over 2 queries' time
    expect(rep.utilisation).toBeCloseTo(0.75, 9);
  });

  it('fails requests waiting longer than acquire_timeout with pool_timeout (counted exactly)', () => {
    const { w, provider, source } = world({ size: 1, max_overflow: 0, acquire_timeout: '5ms' });
    for (let i = 0; i < 4; i++) w.send(0, [w.dbStep('q'), w.sleep(0.02)], [], source);
    w.sim.run();
    const errors = w.responses.filter((r) => r.error !== null);
    expect(errors.map((r) => [r.error, r.status, r.respondedAt])).toEqual(Array(3).fill(['pool_timeout', 503, 0.005]));
    const rep = provider.report(w.sim.now);
    expect(rep.extra).toMatchObject({ timeouts: 3, acquisitions: 4 });
    expect(rep.poolWaitP95Ms).toBeCloseTo(5, 1);
  });

  it('opens overflow connections on demand, paying connect_time, and closes them on return', () => {
    const { w, provider, source } = world({ size: 1, max_overflow: 2, connect_time: '2ms' });
    for (let i = 0; i < 3; i++) w.send(0, [w.dbStep('q')], [], source);
    w.send(1, [w.dbStep('q')], [], source); // later: the persistent connection is idle again
    w.sim.run();
    expect(latencies(w.responses)).toEqual([QUERY, 0.002 + QUERY, 0.002 + QUERY, QUERY].map((t) => expect.closeTo(t, 12)));
    expect(provider.report(w.sim.now).extra).toMatchObject({ overflow_opened: 2, overflow_closed: 2, open_max: 3 });
    expect(w.db.connections.count).toBe(1);
    expect(w.db.report(w.sim.now).extra).toMatchObject({ connections_max: 3 });
  });

  it('fails with db_max_connections when the database is full, and reports missing persistent connections', () => {
    const { w, provider, source } = world({ size: 1, max_overflow: 5, connect_time: '2ms' }, { max_connections: 2 });
    for (let i = 0; i < 4; i++) w.send(0, [w.dbStep('q')], [], source);
    w.sim.run();
    const failed = w.responses.filter((r) => r.error === 'db_max_connections');
    expect(failed.map((r) => [r.status, r.respondedAt])).toEqual([[503, 0.002], [503, 0.002]]);
    expect(provider.report(w.sim.now).extra).toMatchObject({ refused: 2, persistent_connections_missing: 0 });
    // a second instance wanting 2 persistent connections finds 1 free: a configuration problem
    const tight = world({ size: 2, max_overflow: 0 }, { max_connections: 3 });
    tight.provider.forInstance('app-2');
    expect(tight.provider.report(0).extra).toMatchObject({ persistent_connections_missing: 1, instances: 2 });
  });

  it('gives the connection back after each query with hold: query', () => {
    const flows = (w: ReturnType<typeof world>['w']) => [[w.dbStep('q'), w.sleep(0.05), w.dbStep('q')], [w.dbStep('q')]];
    const perQuery = world({ size: 1, max_overflow: 0, hold: 'query' });
    const [a, b] = flows(perQuery.w);
    perQuery.w.send(0, a!, [], perQuery.source);
    perQuery.w.send(0.02, b!, [], perQuery.source);
    perQuery.w.sim.run();
    expect(perQuery.source.holdForRequest).toBe(false);
    expect(latencies(perQuery.w.responses)).toEqual([QUERY, QUERY + 0.05 + QUERY].map((t) => expect.closeTo(t, 12)));
    // held for the request, B waits for A to finish
    const perRequest = world({ size: 1, max_overflow: 0 });
    const [c, d] = flows(perRequest.w);
    perRequest.w.send(0, c!, [], perRequest.source);
    perRequest.w.send(0.02, d!, [], perRequest.source);
    perRequest.w.sim.run();
    expect(perRequest.w.responses[1]!.respondedAt).toBeCloseTo(2 * QUERY + 0.05 + QUERY, 12);
  });

  it('releases the connection of a request aborted while it waited', () => {
    const { w, provider, source } = world({ size: 1, max_overflow: 0 });
    w.send(0, [w.dbStep('q'), w.sleep(0.02)], [], source);
    const late = w.send(0, [w.dbStep('q')], [], source);
    w.sim.schedule(0.005, () => w.flow.abort(late, 'request_timeout'), null);
    const after = w.send(0.1, [w.dbStep('q')], [], source);
    w.sim.run();
    expect([late.error, late.status, late.respondedAt]).toEqual(['request_timeout', 504, 0.005]);
    expect(late.ended).toBe(true);
    expect(after.respondedAt - 0.1).toBeCloseTo(QUERY, 12); // no wait: the aborted request gave it back
    expect(provider.stats.inUse.current).toBe(0);
    expect(w.flow.ended).toBe(3);
  });

  it('rejects a zero timeout and a pool that can never hand out a connection', () => {
    const ok = { kind: 'connection_pool', database: 'db' };
    expect(connectionPool.schema.safeParse({ ...ok, acquire_timeout: 0 }).success).toBe(false);
    expect(connectionPool.schema.safeParse({ ...ok, size: 0, max_overflow: 0 }).success).toBe(false);
    expect(connectionPool.schema.parse(ok)).toMatchObject({ size: 5, max_overflow: 10, acquire_timeout: 30, connect_time: 0.002, hold: 'request' });
  });
});
