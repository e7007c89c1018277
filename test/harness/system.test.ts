/**
 * The switches and lifecycle of the real system: indexes dropped, cache off, pool size,
 * seed contents and reproducibility, a second system on the same server through
 * DATABASE_URL (its own schema), and a clean stop. One embedded Postgres for the file.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIndexes } from '../../src/harness/schema.js';
import { seed } from '../../src/harness/seed.js';
import { startSystem, type RunningSystem } from '../../src/harness/system.js';
import { call } from './http.js';

const SEED = { users: 500, interactions: 5000, items: 20, days: 10 };
let sys: RunningSystem;
const sql = async (text: string, values: unknown[] = []) => (await sys.pool.query(text, values)).rows;

beforeAll(async () => {
  sys = await startSystem({ seed: SEED, indexes: false, cache: { enabled: false }, poolSize: 3, scrypt: { logN: 8 }, durable: false, logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  await sys?.stop();
}, 60_000);

const ALWAYS = ['interactions_pkey', 'sessions_pkey', 'users_email_key', 'users_pkey'];
const OPTIONAL = ['interactions_created_at_item_id_idx', 'interactions_user_id_idx', 'sessions_user_id_idx'];

describe('index switch', () => {
  it('indexes: false leaves only the primary keys and unique constraints', async () => {
    expect(await listIndexes(sys.pool, 'stacksim')).toEqual(ALWAYS);
  });

  it('can be flipped while running', async () => {
    await sys.setIndexes(true);
    expect(await listIndexes(sys.pool, 'stacksim')).toEqual([...ALWAYS, ...OPTIONAL].sort());
    await sys.setIndexes(false);
    expect(await listIndexes(sys.pool, 'stacksim')).toEqual(ALWAYS);
  });
});

describe('cache off', () => {
  it('every read goes to Postgres and no cache activity is counted', async () => {
    await call(sys.url, 'POST', '/__stats/reset');
    const a = await call(sys.url, 'GET', '/users/7');
    const b = await call(sys.url, 'GET', '/users/7');
    expect(a.body).toEqual(b.body);
    expect(b.timing.db).toBeGreaterThan(0);
    expect(b.timing.cache).toBe(0);
    const r = sys.stats().routes['GET /users/:id']!;
    expect([r.count, r.queries.sum, r.cacheHits, r.cacheMisses]).toEqual([2, 2, 0, 0]);
  });

  it('popular items reflect new interactions at once', async () => {
    const before = await call(sys.url, 'GET', '/items/popular?days=1&limit=1');
    await sql(`INSERT INTO interactions (user_id, item_id, kind) SELECT 1, 777, 'view' FROM generate_series(1, 3000)`);
    const after = await call(sys.url, 'GET', '/items/popular?days=1&limit=1');
    expect(before.body.items[0].item_id).not.toBe(777);
    expect(after.body.items).toEqual([{ item_id: 777, count: 3000 }]);
    await sql('DELETE FROM interactions WHERE item_id = 777');
  });
});

describe('pool', () => {
  it('holds exactly poolSize open connections', async () => {
    expect(sys.pool.totalCount).toBe(3);
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'postgres' AND backend_type = 'client backend'`);
    expect(n).toBe(3);
  });
});

describe('seed', () => {
  it('generates rows within the requested ranges, with the foreign key restored', async () => {
    const [u] = await sql('SELECT count(*)::int AS n, min(id) AS lo, max(id) AS hi FROM users');
    expect(u).toEqual({ n: SEED.users, lo: 1, hi: SEED.users });
    const [i] = await sql(`SELECT count(*)::int AS n, min(user_id) AS ulo, max(user_id) AS uhi, min(item_id) AS ilo, max(item_id) AS ihi,
      bool_and(created_at > now() - interval '10 days' AND created_at <= now()) AS recent FROM interactions`);
    expect(i.n).toBe(SEED.interactions);
    expect(i.ulo).toBeGreaterThanOrEqual(1);
    expect(i.uhi).toBeLessThanOrEqual(SEED.users);
    expect([i.ilo, i.ihi]).toEqual([1, SEED.items]);
    expect(i.recent).toBe(true);
    const fk = await sql(`SELECT conname FROM pg_constraint WHERE conrelid = 'stacksim.interactions'::regclass AND contype = 'f'`);
    expect(fk).toEqual([{ conname: 'interactions_user_id_fkey' }]);
  });

  it('skews items: item 1 gets about (1/items)^(1/3) of the interactions', async () => {
    const [{ share }] = await sql('SELECT avg((item_id = 1)::int)::float8 AS share FROM interactions');
    const expected = (1 / SEED.items) ** (1 / 3); // P(floor(items·U³) = 0) = P(U < items^(-1/3))
    // Binomial sd with n = 5000 is about 0.007; allow five of them.
    expect(Math.abs(share - expected)).toBeLessThan(0.035);
  });

  it('is reproducible: the same seed gives the same rows', async () => {
    const digest = async () =>
      (await sql(`SELECT md5(string_agg(user_id || ':' || item_id || ':' || kind, ',' ORDER BY id)) AS d FROM interactions`))[0].d;
    const first = await digest();
    await sql('TRUNCATE users, interactions, sessions RESTART IDENTITY CASCADE');
    const report = await seed(sys.pool, 'stacksim', SEED, { logN: 8, r: 8, p: 1 }, false);
    expect(report).toMatchObject({ users: SEED.users, interactions: SEED.interactions, seeded: true });
    expect(await digest()).toBe(first);
  });

  it('does not seed tables that already have users', async () => {
    const report = await seed(sys.pool, 'stacksim', SEED, { logN: 8, r: 8, p: 1 }, false);
    expect(report.seeded).toBe(false);
    expect((await sql('SELECT count(*)::int AS n FROM users'))[0].n).toBe(SEED.users);
  });
});

describe('DATABASE_URL', () => {
  it('runs a second system on an existing server in its own schema, leaving the first intact', async () => {
    const other = await startSystem({
      databaseUrl: sys.databaseUrl, pgSchema: 'second', seed: { users: 10, interactions: 30, items: 5 },
      scrypt: { logN: 8 }, logLevel: 'silent',
    });
    try {
      expect(other.embeddedPostgres).toBe(false);
      expect(other.postgresDir).toBeUndefined();
      expect((await call(other.url, 'GET', '/users/10')).status).toBe(200);
      expect((await call(other.url, 'GET', '/users/11')).status).toBe(404);
      const [{ n }] = await sql('SELECT count(*)::int AS n FROM second.users');
      expect(n).toBe(10);
    } finally {
      await other.stop();
    }
    // Stopping it did not stop the shared server or touch our schema.
    expect((await sql('SELECT count(*)::int AS n FROM users'))[0].n).toBe(SEED.users);
  });

  it('names the unreachable server without its password', async () => {
    await expect(startSystem({ databaseUrl: 'postgres://me:s3cret@127.0.0.1:1/db', logLevel: 'silent' })).rejects.toThrow(
      /^cannot connect to DATABASE_URL postgres:\/\/\*\*\*@127\.0\.0\.1:1\/db: /,
    );
  });
});

describe('stop', () => {
  it('closes the API, the pool and Postgres, and removes the data directory', async () => {
    const dir = sys.postgresDir!;
    expect(existsSync(dir)).toBe(true);
    const url = sys.url;
    await sys.stop();
    await sys.stop(); // idempotent
    expect(existsSync(dir)).toBe(false);
    await expect(fetch(`${url}/users/1`)).rejects.toThrow();
    await expect(sys.pool.query('SELECT 1')).rejects.toThrow();
  });
});
