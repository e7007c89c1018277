/**
 * The open-loop driver against servers with known behaviour: a constant delay, a one-off
 * stall (coordinated omission), a driver that is itself blocked, and a reproducible schedule.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runOpenLoop } from '../../../src/harness/driver/open-loop.js';
import { uniformKeys, zipfKeys } from '../../../src/harness/driver/keys.js';
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

/** Answers at once, except that requests arriving in [first + at, first + at + for) wait until its end. */
function stallOnce(atMs: number, forMs: number): Route {
  let first = -1;
  return (_req, res) => {
    const now = performance.now();
    if (first < 0) first = now;
    const start = first + atMs;
    const end = start + forMs;
    if (now >= start && now < end) setTimeout(() => res.end('{}'), end - now);
    else res.end('{}');
  };
}

describe('runOpenLoop', () => {
  it('at 50 req/s against a 10 ms server: throughput ≈ 50/s, p50 ≈ 10 ms, no errors', async () => {
    const s = await serve({ '/': delayed(10) });
    const r = await runOpenLoop({ target: s.url, tasks: [{ name: 'get', path: '/' }], rate: 50, durationSec: 2, warmupSec: 0.2 });
    expect(r.sent).toBe(100);
    expect(r.throughput).toBeGreaterThan(45);
    expect(r.throughput).toBeLessThan(55);
    expect(r.overall.errorCount).toBe(0);
    expect(r.overall.ok).toBe(100);
    expect(r.overall.latency.p50).toBeGreaterThanOrEqual(10);
    expect(r.overall.latency.p50).toBeLessThan(15); // server timer (~1 ms) + schedule lag (~1 ms) + a shared machine
    expect(r.machine.cpuCount).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  }, 10_000);

  it('a 500 ms stall shows in p99 measured from the intended send time (no coordinated omission)', async () => {
    const s = await serve({ '/': stallOnce(500, 500) });
    const r = await runOpenLoop({ target: s.url, tasks: [{ name: 'get', path: '/' }], rate: 100, durationSec: 1.6 });
    // ~50 of 160 requests were intended during the stall and waited 0–500 ms each
    expect(r.overall.latency.p99).toBeGreaterThan(400);
    expect(r.overall.latency.p99).toBeLessThan(600);
    expect(r.overall.latency.p90).toBeGreaterThan(150);
    expect(r.overall.latency.p50).toBeLessThan(20);
    expect(r.schedule.maxLagMs).toBeLessThan(50); // the driver itself kept to its schedule
    expect(r.schedule.maxInFlight).toBeGreaterThan(30);
  }, 10_000);

  it('with one connection, the naive from-write latency hides the stall; the honest one does not', async () => {
    const s = await serve({ '/': stallOnce(500, 500) });
    const r = await runOpenLoop({ target: s.url, tasks: [{ name: 'get', path: '/' }], rate: 100, durationSec: 1.6, connections: 1 });
    expect(r.overall.latency.p99).toBeGreaterThan(400);
    // Requests queued in the client behind the stalled one were written after it: they look fast
    expect(r.latencyFromWrite.p99).toBeLessThan(50);
    expect(r.latencyFromWrite.max).toBeGreaterThan(400);
    expect(r.schedule.clientQueue.max).toBeGreaterThan(400);
  }, 10_000);

  it('when the driver itself is blocked, late sends count from their intended time and the lag is reported', async () => {
    let blocked = false;
    const s = await serve({
      '/': (_req, res) => {
        if (!blocked && performance.now() > t0 + 500) {
          blocked = true;
          const until = performance.now() + 300;
          while (performance.now() < until); // freeze the shared event loop: the driver cannot send
        }
        res.end('{}');
      },
    });
    const t0 = performance.now();
    const r = await runOpenLoop({ target: s.url, tasks: [{ name: 'get', path: '/' }], rate: 100, durationSec: 1.2 });
    expect(r.schedule.maxLagMs).toBeGreaterThan(250);
    expect(r.overall.latency.p99).toBeGreaterThan(200);
    expect(r.latencyFromWrite.p99).toBeLessThan(100);
    expect(r.sent).toBe(120);
  }, 10_000);

  it('a block during warm-up is reported apart from the measured window', async () => {
    let blocked = false;
    const t0 = performance.now();
    const s = await serve({
      '/': (_req, res) => {
        if (!blocked && performance.now() > t0 + 200) {
          blocked = true;
          const until = performance.now() + 300;
          while (performance.now() < until);
        }
        res.end('{}');
      },
    });
    const r = await runOpenLoop({ target: s.url, tasks: [{ name: 'get', path: '/' }], rate: 100, durationSec: 0.5, warmupSec: 0.8 });
    expect(r.schedule.warmupMaxLagMs).toBeGreaterThan(250);
    expect(r.schedule.maxLagMs).toBeLessThan(50);
    expect(r.schedule.lag.count).toBe(50);
    expect(r.overall.latency.max).toBeLessThan(100);
  }, 10_000);

  it('the same seed sends the same Poisson mix of tasks and keys', async () => {
    const seen: string[] = [];
    const record: Route = (req, res) => (seen.push(req.url!), res.end('{}'));
    const s = await serve({ '/users/*': record, '/items/*': record });
    const run = () => runOpenLoop({
      target: s.url, rate: 200, durationSec: 0.5, arrival: 'poisson', seed: 'repro', connections: 1,
      tasks: [
        { name: 'user', path: '/users/{id}', keys: { id: zipfKeys(1.2, 1000) }, weight: 3 },
        { name: 'item', path: '/items/{id}', keys: { id: uniformKeys(1, 50) } },
      ],
    });
    const a = await run();
    const first = seen.splice(0);
    const b = await run();
    expect(seen).toEqual(first);
    expect(b.sent).toBe(a.sent);
    expect(a.tasks.map((t) => t.requests)).toEqual(b.tasks.map((t) => t.requests));
    expect(first.filter((p) => p.startsWith('/users/')).length / first.length).toBeGreaterThan(0.6);
  }, 10_000);

  it('setup runs once before the schedule and its captured token reaches every request', async () => {
    const s = await serve({
      '/login': (_req, res) => res.end(JSON.stringify({ token: 'tok-1' })),
      '/me': (req, res) => res.writeHead(req.headers.authorization === 'Bearer tok-1' ? 200 : 401).end('{}'),
    });
    const r = await runOpenLoop({
      target: s.url, rate: 50, durationSec: 0.4,
      setup: [{ name: 'login', method: 'POST', path: '/login', capture: (b, c) => (c.user.vars.token = (b as { token: string }).token) }],
      tasks: [{ name: 'me', path: '/me', headers: (c) => ({ authorization: `Bearer ${String(c.user.vars.token)}` }) }],
    });
    expect(s.hits.get('/login')).toBe(1);
    expect(r.overall.ok).toBe(20);
    expect(r.overall.errorCount).toBe(0);
  }, 10_000);
});
