/**
 * The Fastify app without a database: a stand-in Db that fails, to check that server errors
 * answer a generic 500 and that logs carry neither passwords nor request bodies.
 */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/harness/app.js';
import type { Db } from '../../src/harness/db.js';
import { resolveOptions } from '../../src/harness/options.js';
import { RouteStats } from '../../src/harness/route-stats.js';
import type { SessionStore } from '../../src/harness/sessions.js';

async function appWithFailingDb(logLevel: 'info' | 'silent') {
  const lines: string[] = [];
  const db = {
    query: async () => {
      throw new Error('relation "users" does not exist at character 13');
    },
  } as unknown as Db;
  const sessions: SessionStore = { kind: 'postgres', create: async () => 'x', lookup: async () => undefined };
  const options = resolveOptions({ logLevel, scrypt: { logN: 4 } });
  const app = await buildApp({ db, cache: undefined, sessions, stats: new RouteStats(), options }, { logStream: { write: (l) => void lines.push(l) } });
  return { app, lines };
}

describe('server errors', () => {
  it('answer a generic 500 without internals, and are logged without the body', async () => {
    const { app, lines } = await appWithFailingDb('info');
    const res = await app.inject({
      method: 'POST', url: '/users',
      payload: { email: 'eve@example.com', password: 'hunter2-secret', name: 'Eve' },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal server error' });
    expect(res.body).not.toMatch(/relation|character|stack/);
    const log = lines.join('');
    expect(log).toMatch(/relation \\"users\\" does not exist/); // the cause is logged for operators…
    expect(log).not.toContain('hunter2-secret'); // …but never the password
    expect(log).not.toContain('eve@example.com');
    expect(res.headers['server-timing']).toMatch(/^cpu;dur=[\d.]+, pool;dur=[\d.]+, db;dur=[\d.]+, cache;dur=[\d.]+, total;dur=[\d.]+$/);
    await app.close();
  });

  it('the stats count the failure under its route', async () => {
    const { app } = await appWithFailingDb('silent');
    await app.inject({ method: 'GET', url: '/users/1' });
    const stats = (await app.inject({ method: 'GET', url: '/__stats' })).json();
    expect(stats.routes['GET /users/:id'].status).toEqual({ 500: 1 });
    await app.close();
  });
});
