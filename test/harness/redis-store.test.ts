/**
 * The Redis cache and session store against an in-memory stand-in for the client (no Redis
 * server is needed), plus the connection error when none is reachable.
 */
import { describe, expect, it } from 'vitest';
import { connectRedis, type KeyValueClient, RedisCache, redactUrl } from '../../src/harness/redis-store.js';
import { RedisSessionStore, tokenDigest } from '../../src/harness/sessions.js';
import { RequestTiming } from '../../src/harness/timing.js';

function fakeRedis() {
  const data = new Map<string, { value: string; px: number }>();
  const client: KeyValueClient = {
    get: async (k) => data.get(k)?.value ?? null,
    set: async (k, value, o) => {
      data.set(k, { value, px: o.expiration.value });
      return 'OK';
    },
    del: async (k) => (data.delete(k) ? 1 : 0),
    close: async () => {},
  };
  return { client, data };
}

describe('RedisCache', () => {
  it('prefixes keys and sets the TTL in milliseconds', async () => {
    const { client, data } = fakeRedis();
    const cache = new RedisCache(client);
    await cache.set('user:1', '{"id":1}', 1500);
    expect(data.get('stacksim:cache:user:1')).toEqual({ value: '{"id":1}', px: 1500 });
    expect(await cache.get('user:1')).toBe('{"id":1}');
    await cache.delete('user:1');
    expect(await cache.get('user:1')).toBeUndefined();
  });
});

describe('RedisSessionStore', () => {
  it('stores the token digest with the session TTL and charges the round trips to cache', async () => {
    const { client, data } = fakeRedis();
    const store = new RedisSessionStore(client, 60);
    const t = new RequestTiming();
    const token = await store.create(t, 42);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(data.get(`stacksim:session:${tokenDigest(token)}`)).toEqual({ value: '42', px: 60_000 });
    expect([...data.keys()].some((k) => k.includes(token))).toBe(false);
    expect(await store.lookup(t, token)).toBe(42);
    expect(await store.lookup(t, 'B'.repeat(43))).toBeUndefined();
    expect(t.db).toBe(0);
    expect(t.queries).toBe(0);
  });
});

describe('connectRedis', () => {
  it('fails with the URL (credentials hidden) when nothing listens', async () => {
    await expect(connectRedis('redis://user:pw@127.0.0.1:1')).rejects.toThrow(/^cannot connect to Redis at redis:\/\/\*\*\*@127\.0\.0\.1:1: /);
  });

  it('redacts credentials', () => {
    expect(redactUrl('postgres://u:p@h:5432/db')).toBe('postgres://***@h:5432/db');
    expect(redactUrl('redis://h:6379')).toBe('redis://h:6379');
  });
});
