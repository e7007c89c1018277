/**
 * Closed-loop users against a fixed-delay server: throughput follows Little's law
 * X = N / (R + Z), weighted tasks run in proportion, and on_start runs once per user.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runClosedLoop } from '../../../src/harness/driver/closed-loop.js';
import { constant, exponential } from '../../../src/harness/driver/think.js';
import { delayed, startServer, type Route, type TestServer } from './test-server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (routes: Record<string, Route>): Promise<TestServer> => {
  const s = await startServer(routes);
  servers.push(s);
  return s;
};

/**
 * Little's law with the response time the run measured: X = N / (R + Z) within a few per cent
 * (timers add a little to every Z, and the window's edges cut a cycle or two).
 */
function expectLittle(x: number, meanMs: number, z: number): void {
  expect(meanMs).toBeGreaterThanOrEqual(20);
  expect(meanMs).toBeLessThan(30);
  const predicted = 5 / (meanMs / 1000 + z);
  expect(x / predicted).toBeGreaterThan(0.93);
  expect(x / predicted).toBeLessThan(1.03);
}

describe('runClosedLoop', () => {
  it('5 users, no think time, 20 ms server: X ≈ N/R = 250/s', async () => {
    const s = await serve({ '/': delayed(20) });
    const r = await runClosedLoop({ target: s.url, users: 5, tasks: [{ name: 'get', path: '/' }], durationSec: 2, warmupSec: 0.2 });
    expectLittle(r.throughput, r.overall.latency.mean, 0);
    // The server's 20 ms timer fires late (≈1 ms idle, more on a busy machine): R ≈ 21 ms, X ≈ 238/s
    expect(r.throughput).toBeGreaterThan(250 * 0.8);
    expect(r.throughput).toBeLessThan(250 * 1.02);
    expect(r.overall.errorCount).toBe(0);
    expect(r.usersSpawned).toBe(5);
  }, 10_000);

  it('5 users, Z = 100 ms: X ≈ N/(R+Z) = 5/0.12 ≈ 41.7/s', async () => {
    const s = await serve({ '/': delayed(20) });
    const r = await runClosedLoop({
      target: s.url, users: 5, think: constant(0.1), tasks: [{ name: 'get', path: '/' }], durationSec: 2.5, warmupSec: 0.25,
    });
    expectLittle(r.throughput, r.overall.latency.mean, 0.1);
    expect(r.throughput).toBeGreaterThan(41.7 * 0.85);
    expect(r.throughput).toBeLessThan(41.7 * 1.05);
  }, 10_000);

  it('weighted tasks run in proportion; on_start runs once per user and its token is used', async () => {
    let issued = 0;
    const tokens = new Set<string>();
    const authed = (ms: number): Route => (req, res) => {
      const ok = tokens.has(String(req.headers.authorization).replace('Bearer ', ''));
      setTimeout(() => res.writeHead(ok ? 200 : 401).end('{}'), ms);
    };
    const s = await serve({
      '/login': (_req, res) => {
        const token = `t${++issued}`;
        tokens.add(token);
        res.end(JSON.stringify({ token }));
      },
      '/a': authed(5),
      '/b': authed(5),
    });
    const auth = { headers: (c: { user: { vars: Record<string, unknown> } }) => ({ authorization: `Bearer ${String(c.user.vars.token)}` }) };
    const r = await runClosedLoop({
      target: s.url, users: 5, spawnRate: 20, durationSec: 1.5, think: exponential(0.002), seed: 'w',
      onStart: [{ name: 'login', method: 'POST', path: '/login', capture: (b, c) => (c.user.vars.token = (b as { token: string }).token) }],
      tasks: [{ name: 'a', path: '/a', weight: 3, ...auth }, { name: 'b', path: '/b', weight: 1, ...auth }],
    });
    expect(s.hits.get('/login')).toBe(5);
    expect(r.onStartCompleted).toBe(5);
    expect(r.tasks.map((t) => [t.name, t.onStart])).toEqual([['login', true], ['a', false], ['b', false]]);
    expect(r.overall.errorCount).toBe(0);
    const [, a, b] = r.tasks;
    const n = a!.requests + b!.requests;
    expect(n).toBeGreaterThan(300);
    // binomial(n, 3/4): 4 standard deviations
    expect(Math.abs(a!.requests / n - 0.75)).toBeLessThan(4 * Math.sqrt(0.75 * 0.25 / n));
  }, 10_000);

  it('rejects bad options by name', async () => {
    const base = { target: 'http://127.0.0.1:1', tasks: [{ name: 'x', path: '/' }], durationSec: 1 };
    await expect(runClosedLoop({ ...base, users: 0 })).rejects.toThrow('users = 0 is not allowed: expected an integer from 1 to 100000');
    await expect(runClosedLoop({ ...base, users: 1, spawnRate: -1 })).rejects.toThrow('spawnRate = -1 is not allowed');
    await expect(runClosedLoop({ ...base, users: 1, target: 'localhost:3000' })).rejects.toThrow(/target = "localhost:3000" is not allowed/);
    await expect(runClosedLoop({ ...base, users: 1, onStart: [{ name: 'x', path: '/' }] })).rejects.toThrow('tasks[0].name = "x" is not allowed: expected a name not used by another task');
  });
});
