// PgBouncer through real `db` and `sleep` steps: transaction mode multiplexes many clients
// onto a few server connections (waits only while queries run), session mode does not;
// max_client_conn, query_wait_timeout, and a connection_pool in front of the bouncer.
import { describe, expect, it } from 'vitest';
import type { ConnectionPoolComponent } from '../../src/components/connection-pool.js';
import type { PgBouncerComponent } from '../../src/components/pgbouncer.js';
import { pgbouncer } from '../../src/components/pgbouncer.js';
import { dbWorld, latencies, USERS } from './database/helpers.js';

const RTT = 0.0005;
const OVERHEAD = 0.0001; // the bouncer's default per checkout
const QUERY = RTT + 0.01;
const dbConfig = { cores: 64, tables: USERS, queries: { q: { table: 'users', cost: { constant: '10ms' } } } };

function world(bouncer: Record<string, unknown>) {
  const w = dbWorld(dbConfig);
  const b = w.pooler('pgbouncer', bouncer) as PgBouncerComponent;
  return { w, b };
}

/** 50 clients at once, each: query, 100 ms of app work holding its connection, query. */
function fiftyClients(mode: 'transaction' | 'session') {
  const { w, b } = world({ pool_size: 5, mode });
  const source = b.forInstance('app-1');
  for (let i = 0; i < 50; i++) w.send(0, [w.dbStep('q'), w.sleep(0.1), w.dbStep('q')], [], source);
  w.sim.run();
  return { w, b, worst: Math.max(...latencies(w.responses)) };
}

describe('pgbouncer', () => {
  it('lets 50 clients share 5 server connections in transaction mode, waiting only while queries run', () => {
    const { w, b, worst } = fiftyClients('transaction');
    const h = OVERHEAD + QUERY; // a server connection is held this long per transaction
    // ten waves of five for the first query; the second queries then never wait
    expect(worst).toBeCloseTo(11 * h + 0.1, 9);
    expect(w.responses.every((r) => r.error === null)).toBe(true);
    const rep = b.report(w.sim.now);
    expect(rep.extra).toMatchObject({ in_use_max: 5, clients_max: 50, acquisitions: 100, server_connections: 5 });
    // 100 checkouts: 55 without a wait, five each waiting h, 2h … 9h; the 95th is 8h
    expect(rep.poolWaitP95Ms! / (8 * h * 1000)).toBeCloseTo(1, 2);
    expect(w.db.connections.count).toBe(5);
  });

  it('holds a server connection for the whole request in session mode: ten waves of full requests', () => {
    const session = fiftyClients('session');
    const held = OVERHEAD + 2 * QUERY + 0.1;
    expect(session.worst).toBeCloseTo(10 * held, 9);
    expect(session.b.report(session.w.sim.now).extra).toMatchObject({ acquisitions: 50 });
    expect(session.worst / fiftyClients('transaction').worst).toBeGreaterThan(5);
  });

  it('refuses clients past max_client_conn and times out waits past query_wait_timeout', () => {
    const { w, b } = world({ pool_size: 1, max_client_conn: 3, query_wait_timeout: '15ms' });
    const source = b.forInstance('app-1');
    for (let i = 0; i < 5; i++) w.send(0, [w.dbStep('q')], [], source);
    w.sim.run();
    const causes = w.responses.map((r) => r.error);
    expect(causes.filter((c) => c === 'db_max_connections')).toHaveLength(2);
    // of the three clients, one runs (10.6 ms), the second waits 10.6 ms, the third times out at 15 ms
    expect(causes.filter((c) => c === 'pool_timeout')).toHaveLength(1);
    expect(b.report(w.sim.now).extra).toMatchObject({ clients_refused: 2, timeouts: 1, clients_max: 3 });
    expect(b.clients.count).toBe(0);
  });

  it('multiplexes a connection_pool in front of it: pool connections are clients, queries need a server', () => {
    const run = (mode: 'transaction' | 'session') => {
      const w = dbWorld(dbConfig);
      const b = w.pooler('pgbouncer', { pool_size: 1, mode }, 'bouncer') as PgBouncerComponent;
      const pool = w.pooler('connection_pool', { database: 'bouncer', size: 2, max_overflow: 0 }, 'pool') as ConnectionPoolComponent;
      const source = pool.forInstance('app-1');
      for (let i = 0; i < 2; i++) w.send(0, [w.dbStep('q'), w.sleep(0.05), w.dbStep('q')], [], source);
      w.sim.run();
      expect(b.clients.count).toBe(2); // the pool's persistent connections stay open
      return latencies(w.responses);
    };
    const h = OVERHEAD + QUERY;
    // transaction mode: B waits for A's first query only
    expect(run('transaction')).toEqual([2 * h + 0.05, 3 * h + 0.05].map((t) => expect.closeTo(t, 9)));
    // session mode: B waits until A has given its pool connection back
    const whole = OVERHEAD + 2 * QUERY + 0.05;
    expect(run('session')).toEqual([whole, 2 * whole].map((t) => expect.closeTo(t, 9)));
  });

  it('reports the server connections the database could not give', () => {
    const w = dbWorld({ ...dbConfig, max_connections: 3 });
    const b = w.pooler('pgbouncer', { pool_size: 5 }) as PgBouncerComponent;
    expect(b.report(0).extra).toMatchObject({ server_connections: 3, server_connections_missing: 2 });
    expect(pgbouncer.schema.parse({ kind: 'pgbouncer', database: 'db' })).toMatchObject({ pool_size: 20, max_client_conn: 100, mode: 'transaction', overhead: 0.0001 });
  });
});
