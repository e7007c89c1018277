/**
 * The system with REDIS_URL set: cache and sessions in Redis. Runs only when REDIS_URL
 * points at a server (CI does not start one); e.g. REDIS_URL=redis://127.0.0.1:6379.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type RunningSystem } from '../../src/harness/system.js';
import { bearer, call } from './http.js';

const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)('with Redis', () => {
  let sys: RunningSystem;
  const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(sys.url, method, path, body, headers);

  beforeAll(async () => {
    sys = await startSystem({
      redisUrl: REDIS_URL, seed: { users: 50, interactions: 100, items: 10 }, scrypt: { logN: 8 }, durable: false, logLevel: 'silent',
    });
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
  }, 60_000);

  it('keeps sessions in Redis, not in Postgres, and authenticates with them', async () => {
    const email = 'redis1@example.com';
    const reg = await api('POST', '/users', { email, password: 'redis-password', name: 'R' });
    const login = await api('POST', '/login', { email, password: 'redis-password' });
    expect(login.status).toBe(200);
    expect(login.timing.cache).toBeGreaterThan(0); // the session write
    expect((await sys.pool.query('SELECT count(*)::int AS n FROM sessions')).rows).toEqual([{ n: 0 }]);
    const patch = await api('PATCH', `/users/${reg.body.id}`, { name: 'Renamed' }, bearer(login.body.token));
    expect(patch.status).toBe(200);
    expect(patch.body.name).toBe('Renamed');
  });

  it('caches users in Redis and invalidates them on PATCH', async () => {
    const email = 'redis2@example.com';
    const reg = await api('POST', '/users', { email, password: 'redis-password', name: 'Before' });
    const token = (await api('POST', '/login', { email, password: 'redis-password' })).body.token;
    await api('GET', `/users/${reg.body.id}`);
    const hit = await api('GET', `/users/${reg.body.id}`);
    expect(hit.timing.db).toBe(0);
    await api('PATCH', `/users/${reg.body.id}`, { name: 'After' }, bearer(token));
    const fresh = await api('GET', `/users/${reg.body.id}`);
    expect(fresh.body.name).toBe('After');
    expect(fresh.timing.db).toBeGreaterThan(0);
  });
});
