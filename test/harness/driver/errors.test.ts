/**
 * Errors are counted by kind: HTTP status class, timeouts, refused connections and
 * driver-side problems; an expected non-2xx status is a success.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runOpenLoop } from '../../../src/harness/driver/open-loop.js';
import { deadPort, delayed, startServer, type TestServer } from './test-server.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('error kinds in open-loop results', () => {
  it('counts 5xx, 4xx and timeouts per task; an expected 404 is ok', async () => {
    server = await startServer({
      '/ok': delayed(1),
      '/fail': delayed(1, 500),
      '/missing': delayed(1, 404),
      '/hang': () => undefined, // never answers
    });
    const r = await runOpenLoop({
      target: server.url, rate: 80, durationSec: 1, timeoutMs: 300,
      tasks: [
        { name: 'ok', path: '/ok' },
        { name: 'fail', path: '/fail' },
        { name: 'missing', path: '/missing' },
        { name: 'gone', path: '/missing', expect: [404] },
        { name: 'hang', path: '/hang' },
      ],
    });
    const by = Object.fromEntries(r.tasks.map((t) => [t.name, t]));
    expect(r.sent).toBe(80);
    expect(by.ok!.errorCount).toBe(0);
    expect(by.ok!.ok).toBe(by.ok!.requests);
    expect(by.fail!.errors.http_5xx).toBe(by.fail!.requests);
    expect(by.fail!.statusCodes).toEqual({ 500: by.fail!.requests });
    expect(by.missing!.errors.http_4xx).toBe(by.missing!.requests);
    expect(by.gone!.errorCount).toBe(0);
    expect(by.gone!.ok).toBe(by.gone!.requests);
    expect(by.hang!.errors.timeout).toBe(by.hang!.requests);
    expect(by.hang!.responses).toBe(0);
    expect(by.hang!.firstErrors.timeout).toBe('no response within 300 ms of the intended send time');
    expect(r.overall.errorCount).toBe(by.fail!.requests + by.missing!.requests + by.hang!.requests);
    expect(Object.values(r.tasks).every((t) => t.requests > 5)).toBe(true);
  }, 10_000);

  it('counts refused connections as connection errors', async () => {
    const r = await runOpenLoop({ target: await deadPort(), rate: 40, durationSec: 0.5, tasks: [{ name: 'x', path: '/' }] });
    expect(r.sent).toBe(20);
    expect(r.overall.errors.connection).toBe(20);
    expect(r.overall.errorCount).toBe(20);
    expect(r.throughput).toBe(0);
    expect(r.overall.firstErrors.connection).toMatch(/ECONNREFUSED|connect/);
  }, 10_000);

  it('counts a missing template variable as a client error without sending', async () => {
    server = await startServer({ '/users/*': delayed(1) });
    const r = await runOpenLoop({ target: server.url, rate: 20, durationSec: 0.5, tasks: [{ name: 'me', path: '/users/{userId}' }] });
    expect(r.overall.errors.client).toBe(10);
    expect(server.hits.size).toBe(0);
  }, 10_000);
});
