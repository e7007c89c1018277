/**
 * Round trips against the real system: Fastify + an embedded Postgres started once for this
 * file, seeded small. Covers the endpoints' contracts, input validation, auth, injection,
 * password storage, cache invalidation and the timing instrumentation.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/harness/passwords.js';
import { SEED_PASSWORD, seededUserEmail } from '../../src/harness/seed.js';
import { startSystem, type RunningSystem } from '../../src/harness/system.js';
import { bearer, call } from './http.js';

const USERS = 200;
const INTERACTIONS = 2000;
let sys: RunningSystem;
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(sys.url, method, path, body, headers);
const sql = async (text: string, values: unknown[] = []) => (await sys.pool.query(text, values)).rows;

beforeAll(async () => {
  sys = await startSystem({
    seed: { users: USERS, interactions: INTERACTIONS, items: 50, days: 30 },
    scrypt: { logN: 10 },
    durable: false,
    logLevel: 'silent',
  });
  console.log(`postgres start ${sys.startup.postgresMs.toFixed(0)} ms, migrate ${sys.startup.migrateMs.toFixed(0)} ms, seed ${sys.startup.seedMs.toFixed(0)} ms, total ${sys.startup.totalMs.toFixed(0)} ms`);
}, 120_000);

afterAll(async () => {
  await sys?.stop();
}, 60_000);

async function register(email: string, name = 'Test User', password = 'a-long-password') {
  return api('POST', '/users', { email, password, name });
}

async function login(email: string, password: string) {
  return api('POST', '/login', { email, password });
}

describe('seeded data', () => {
  it('has the requested rows', async () => {
    expect(sys.seed).toMatchObject({ users: USERS, interactions: INTERACTIONS, seeded: true });
    expect(await sql('SELECT count(*)::int AS n FROM users')).toEqual([{ n: USERS }]);
    expect(await sql('SELECT count(*)::int AS n FROM interactions')).toEqual([{ n: INTERACTIONS }]);
  });

  it('seeded users log in with the documented password', async () => {
    const res = await login(seededUserEmail(17), SEED_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user_id).toBe(17);
  });
});

describe('POST /users (register)', () => {
  it('creates a user: 201, the user without any password field, and a Location', async () => {
    const res = await register('alice@example.com', 'Alice');
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['created_at', 'email', 'id', 'name', 'updated_at']);
    expect(res.body).toMatchObject({ email: 'alice@example.com', name: 'Alice', id: USERS + 1 });
    expect(res.headers.get('location')).toBe(`/users/${USERS + 1}`);
    expect(res.text).not.toContain('a-long-password');
  });

  it('stores only a salted scrypt hash of the password', async () => {
    await register('bob@example.com', 'Bob', 'bobs-secret-pw');
    const rows = await sql('SELECT password_hash FROM users WHERE email = $1', ['bob@example.com']);
    const hash: string = rows[0].password_hash;
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('bobs-secret-pw');
    expect(verifyPassword('bobs-secret-pw', hash)).toBe(true);
    const plain = await sql("SELECT count(*)::int AS n FROM users WHERE password_hash LIKE '%secret%'");
    expect(plain).toEqual([{ n: 0 }]);
  });

  it('answers 409 for an email already registered, whatever its case', async () => {
    await register('carol@example.com');
    const res = await register('Carol@Example.COM');
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'email carol@example.com is already registered' });
  });

  it.each([
    [{ email: 'dave@example.com', password: 'short', name: 'D' }, 'body/password must NOT have fewer than 8 characters'],
    [{ email: 'not-an-email', password: 'long-enough', name: 'D' }, 'body/email must match format "email"'],
    [{ email: 'dave@example.com', password: 'long-enough' }, "body must have required property 'name'"],
    [{ email: 'dave@example.com', password: 'long-enough', name: 'D', is_admin: true }, 'body must NOT have additional properties'],
    [{ email: 'dave@example.com', password: 'long-enough', name: '' }, 'body/name must NOT have fewer than 1 characters'],
  ])('answers 400 with a clear message for %j', async (body, message) => {
    const res = await api('POST', '/users', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'Bad Request', message });
  });

  it('answers 400 for malformed JSON, with no stack trace', async () => {
    const res = await api('POST', '/users', '{"email": "x@example.com", ');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/JSON/i);
    expect(res.text).not.toMatch(/\bat \S+ \(|stack|node_modules/);
  });
});

describe('POST /login', () => {
  it('issues a bearer token stored only as its SHA-256', async () => {
    await register('erin@example.com', 'Erin', 'erins-password');
    const res = await login('ERIN@example.com', 'erins-password');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400 });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const digest = createHash('sha256').update(res.body.token).digest('hex');
    const rows = await sql('SELECT user_id FROM sessions WHERE token_hash = $1', [digest]);
    expect(rows).toEqual([{ user_id: res.body.user_id }]);
    expect(await sql('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [res.body.token])).toEqual([{ n: 0 }]);
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login('erin@example.com', 'not-her-password');
    const unknown = await login('nobody@example.com', 'whatever-pw');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('invalid email or password');
  });
});

describe('GET /users/:id and GET /users', () => {
  it('returns a user, 404 for an unknown id, 400 for a non-integer id', async () => {
    expect((await api('GET', '/users/3')).body).toMatchObject({ id: 3, email: seededUserEmail(3), name: 'User 3' });
    const missing = await api('GET', '/users/999999');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('user 999999 not found');
    expect((await api('GET', '/users/abc')).status).toBe(400);
    expect((await api('GET', '/users/0')).body.message).toBe('params/id must be >= 1');
  });

  it('pages in id order and says whether more follow', async () => {
    const p1 = await api('GET', '/users?page=1&per_page=5');
    const p2 = await api('GET', '/users?page=2&per_page=5');
    expect(p1.body.users.map((u: { id: number }) => u.id)).toEqual([1, 2, 3, 4, 5]);
    expect(p2.body.users.map((u: { id: number }) => u.id)).toEqual([6, 7, 8, 9, 10]);
    expect(p1.body).toMatchObject({ page: 1, per_page: 5, has_more: true });
    const [{ n }] = await sql('SELECT count(*)::int AS n FROM users');
    const last = await api('GET', `/users?page=${Math.ceil(n / 100)}&per_page=100`);
    expect(last.body.has_more).toBe(false);
    expect(last.body.users.length).toBe(n % 100 || 100);
    expect(JSON.stringify(p1.body)).not.toContain('password');
  });

  it('caps per_page at 100', async () => {
    const res = await api('GET', '/users?per_page=101');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('querystring/per_page must be <= 100');
  });
});

describe('PATCH /users/:id', () => {
  let frank: { id: number; token: string };
  let grace: { id: number; token: string };

  beforeAll(async () => {
    const f = await register('frank@example.com', 'Frank', 'franks-password');
    const g = await register('grace@example.com', 'Grace', 'graces-password');
    frank = { id: f.body.id, token: (await login('frank@example.com', 'franks-password')).body.token };
    grace = { id: g.body.id, token: (await login('grace@example.com', 'graces-password')).body.token };
  });

  it('401 without a token or with an unknown one', async () => {
    const none = await api('PATCH', `/users/${frank.id}`, { name: 'X' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.body.message).toMatch(/missing bearer token/);
    const forged = await api('PATCH', `/users/${frank.id}`, { name: 'X' }, bearer('A'.repeat(43)));
    expect(forged.status).toBe(401);
    expect(forged.body.message).toBe('invalid or expired token');
    expect((await api('PATCH', `/users/${frank.id}`, { name: 'X' }, bearer('garbage'))).status).toBe(401);
  });

  it("403 with someone else's token", async () => {
    const res = await api('PATCH', `/users/${frank.id}`, { name: 'Mallory' }, bearer(grace.token));
    expect(res.status).toBe(403);
    expect((await api('GET', `/users/${frank.id}`)).body.name).toBe('Frank');
  });

  it('updates the own user and invalidates the cached copy', async () => {
    const before = await api('GET', `/users/${frank.id}`); // cached now
    const cachedAgain = await api('GET', `/users/${frank.id}`);
    expect(cachedAgain.timing.db).toBe(0); // served from the cache
    const res = await api('PATCH', `/users/${frank.id}`, { name: 'Franklin' }, bearer(frank.token));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: frank.id, name: 'Franklin', email: 'frank@example.com' });
    expect(new Date(res.body.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(before.body.updated_at).getTime());
    const after = await api('GET', `/users/${frank.id}`);
    expect(after.body.name).toBe('Franklin');
    expect(after.timing.db).toBeGreaterThan(0); // a miss: reloaded from Postgres
  });

  it('409 when changing to a taken email; 400 for an empty or unknown-field body', async () => {
    const taken = await api('PATCH', `/users/${frank.id}`, { email: 'grace@example.com' }, bearer(frank.token));
    expect(taken.status).toBe(409);
    const empty = await api('PATCH', `/users/${frank.id}`, {}, bearer(frank.token));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe('body must NOT have fewer than 1 properties');
    const sneaky = await api('PATCH', `/users/${frank.id}`, { password_hash: 'x' }, bearer(frank.token));
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.message).toBe('body must NOT have additional properties');
  });
});

describe('POST /interactions and GET /items/popular', () => {
  it('records an interaction; 422 for an unknown user, 400 for a bad kind', async () => {
    const ok = await api('POST', '/interactions', { user_id: 5, item_id: 42, kind: 'like' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ user_id: 5, item_id: 42, kind: 'like' });
    const ghost = await api('POST', '/interactions', { user_id: 999999, item_id: 1, kind: 'view' });
    expect(ghost.status).toBe(422);
    expect(ghost.body.message).toBe('user_id 999999 does not exist');
    const bad = await api('POST', '/interactions', { user_id: 5, item_id: 1, kind: 'hate' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('body/kind must be equal to one of the allowed values');
  });

  it('returns the same top items as a direct SQL aggregation', async () => {
    const expected = await sql(
      `SELECT item_id, count(*)::int AS count FROM interactions WHERE created_at >= now() - interval '14 days'
       GROUP BY item_id ORDER BY count DESC, item_id LIMIT 5`,
    );
    const res = await api('GET', '/items/popular?days=14&limit=5');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ days: 14, limit: 5, items: expected });
    expect(expected.length).toBe(5);
    expect(expected[0].count).toBeGreaterThan(expected[4].count); // the seed is skewed
  });

  it('serves the aggregation from the cache within its TTL', async () => {
    const first = await api('GET', '/items/popular?days=2&limit=1');
    await sql(`INSERT INTO interactions (user_id, item_id, kind) SELECT 1, 888, 'view' FROM generate_series(1, 3000)`);
    const second = await api('GET', '/items/popular?days=2&limit=1');
    expect(second.body).toEqual(first.body); // stale by design: TTL 10 s
    expect(second.body.items[0].item_id).not.toBe(888);
    expect([second.timing.db, second.timing.pool]).toEqual([0, 0]);
    const uncached = await api('GET', '/items/popular?days=3&limit=1'); // another key
    expect(uncached.body.items).toEqual([{ item_id: 888, count: 3000 }]);
    await sql('DELETE FROM interactions WHERE item_id = 888');
  });

  it('rejects out-of-range parameters', async () => {
    expect((await api('GET', '/items/popular?days=0')).body.message).toBe('querystring/days must be >= 1');
    expect((await api('GET', '/items/popular?limit=1000')).status).toBe(400);
  });
});

describe('SQL injection attempts are inert', () => {
  it('stores hostile strings literally and leaves the tables alone', async () => {
    const name = "Robert'); DROP TABLE users; --";
    const res = await register("o'brien@example.com", name);
    expect(res.status).toBe(201);
    expect((await api('GET', `/users/${res.body.id}`)).body.name).toBe(name);
    const rows = await sql('SELECT name FROM users WHERE id = $1', [res.body.id]);
    expect(rows).toEqual([{ name }]);
    expect((await login("' OR '1'='1", 'x')).status).toBe(400);
    expect((await login("x'or'1'='1@example.com", 'whatever')).status).toBe(401); // valid email syntax, no such user
    expect((await api('GET', '/users/1%20OR%201=1')).status).toBe(400);
    expect((await api('GET', '/items/popular?days=1;DROP%20TABLE%20interactions')).status).toBe(400);
    const tables = await sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'stacksim' ORDER BY tablename`);
    expect(tables.map((t: { tablename: string }) => t.tablename)).toEqual(['interactions', 'sessions', 'users']);
    expect((await sql('SELECT count(*)::int AS n FROM interactions'))[0].n).toBeGreaterThanOrEqual(INTERACTIONS);
  });
});

describe('errors', () => {
  it('unknown routes get a JSON 404', async () => {
    const res = await api('GET', '/nope?x=1');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no route GET /nope' });
  });
});

describe('instrumentation', () => {
  it('sends Server-Timing with cpu, pool, db and cache on every response', async () => {
    for (const res of [await register('henry@example.com'), await api('GET', '/users/1'), await api('GET', '/users/abc')]) {
      expect(Object.keys(res.timing)).toEqual(['cpu', 'pool', 'db', 'cache', 'total']);
      for (const v of Object.values(res.timing)) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
    const reg = await register('ivy@example.com');
    expect(reg.timing.cpu).toBeGreaterThan(0); // the scrypt hash
    expect(reg.timing.db).toBeGreaterThan(0);
    expect(reg.timing.cache).toBe(0);
    expect(reg.timing.total).toBeGreaterThanOrEqual(reg.timing.cpu! + reg.timing.db! - 0.002);
  });

  it('/__stats aggregates per route, matching the headers, and resets', async () => {
    expect((await api('POST', '/__stats/reset')).status).toBe(204);
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await api('GET', '/users/150')); // one miss, then hits
    replies.push(await api('GET', '/users/151'));
    replies.push(await api('GET', '/users/999999'));
    const reg = await register('jack@example.com');
    const bad = await api('POST', '/users', { email: 'bad' });
    const stats = (await api('GET', '/__stats')).body;
    expect(Object.keys(stats.routes).sort()).toEqual(['GET /users/:id', 'POST /users']);
    const get = stats.routes['GET /users/:id'];
    expect(get.count).toBe(5);
    expect(get.status).toEqual({ 200: 4, 404: 1 });
    expect([get.cacheHits, get.cacheMisses]).toEqual([2, 3]);
    expect(get.queries).toMatchObject({ sum: 3, sumSq: 3, min: 0, max: 1 });
    for (const c of ['cpu', 'pool', 'db', 'cache'] as const) {
      const fromHeaders = replies.reduce((s, r) => s + r.timing[c]!, 0);
      expect(get.ms[c].sum).toBeCloseTo(fromHeaders, 2);
    }
    const post = stats.routes['POST /users'];
    expect(post.count).toBe(2);
    expect(post.status).toEqual({ 201: 1, 400: 1 });
    expect(post.queries.sum).toBe(1);
    expect(post.ms.cpu.sum).toBeCloseTo(reg.timing.cpu! + bad.timing.cpu!, 2);
    expect(post.ms.db.sum).toBeCloseTo(reg.timing.db!, 2); // the 400 never reached the database
    expect(sys.stats().routes['GET /users/:id']!.count).toBe(5);
  });
});
