/**
 * The API's only path to Postgres: a pg.Pool of fixed size and an instrumented `query`
 * that charges the wait for a connection to `pool` and the round trip to `db`.
 * Like pool.query(), each query checks a connection out and back in.
 */
import pg from 'pg';
import type { QueryResult, QueryResultRow } from 'pg';
import type { RequestTiming } from './timing.js';

export interface PoolConfig {
  readonly connectionString: string;
  readonly poolSize: number;
  /** Postgres schema put first on every connection's search_path. */
  readonly schema: string;
}

export function createPool(config: PoolConfig, onError: (err: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.connectionString,
    max: config.poolSize,
    // Keep connections open while idle: reconnecting mid-run would show up as pool time
    // that the model (a fixed-size pool) does not have.
    idleTimeoutMillis: 0,
    options: `-c search_path=${config.schema},public`,
  });
  // An idle client losing its connection is reported here; without a listener it would crash.
  pool.on('error', onError);
  return pool;
}

/** Open every connection up front so the first requests do not pay for connection setup. */
export async function warmPool(pool: pg.Pool, size: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  for (const client of clients) client.release();
}

export class Db {
  constructor(readonly pool: pg.Pool) {}

  /** Run one parameterized statement, charging pool wait and query time to `t`. */
  async query<R extends QueryResultRow>(t: RequestTiming, text: string, values: readonly unknown[] = []): Promise<QueryResult<R>> {
    const client = await t.wait('pool', () => this.pool.connect());
    t.queries += 1;
    let broken: Error | undefined;
    try {
      return await t.wait('db', () => client.query<R>(text, values as unknown[]));
    } catch (err) {
      // A server-side error leaves the connection usable; anything else may not.
      if (!(err instanceof pg.DatabaseError)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** SQLSTATE codes the routes map to HTTP statuses. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function pgErrorCode(err: unknown): string | undefined {
  return err instanceof pg.DatabaseError ? err.code : undefined;
}
