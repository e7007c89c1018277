/**
 * The task queue against the real system: one embedded Postgres with pg-boss for the file.
 * POST /interactions answers 202 and a worker writes the row; task statistics; an unknown
 * user is failed for good and dead-lettered, a transient error is retried first; the queue
 * off keeps 201; and stop() finishes the jobs in hand (last, since it stops the system).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/harness/app.js';
import { Db } from '../../../src/harness/db.js';
import { resolveOptions } from '../../../src/harness/options.js';
import { DEAD_LETTER, TASK } from '../../../src/harness/queue/queue.js';
import { epochMs } from '../../../src/harness/queue/worker.js';
import { RouteStats } from '../../../src/harness/route-stats.js';
import { PgSessionStore } from '../../../src/harness/sessions.js';
import { startSystem, type RunningSystem } from '../../../src/harness/system.js';
import { call } from '../http.js';

const USERS = 50;
const QUEUE = { enabled: true, concurrency: 2, retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false };
let sys: RunningSystem;
const sql = async (text: string, values: unknown[] = []) => (await sys.pool.query(text, values)).rows;
const post = (body: unknown) => call(sys.url, 'POST', '/interactions', body);
const task = () => sys.stats().tasks[TASK]!;

/** Poll until `check` holds; fail with `what` after the deadline (a bound, never an assertion on time). */
async function until(what: string, check: () => boolean | Promise<boolean>, deadlineMs = 20_000): Promise<void> {
  const end = performance.now() + deadlineMs;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const jobState = async (id: string) => (await sql(`SELECT state FROM pgboss.job WHERE name = $1 AND id = $2`, [TASK, id]))[0]?.state;

beforeAll(async () => {
  sys = await startSystem({
    seed: { users: USERS, interactions: 200, items: 10 }, scrypt: { logN: 8 }, durable: false, logLevel: 'silent', queue: QUEUE,
  });
}, 120_000);

afterAll(async () => {
  await sys?.stop();
}, 60_000);

describe('POST /interactions through the queue', () => {
  it('answers 202 with a job id; the worker then writes the row', async () => {
    const res = await post({ user_id: 7, item_id: 9001, kind: 'like' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ job_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), status: 'queued' });
    await until('the row', async () => (await sql('SELECT 1 FROM interactions WHERE item_id = 9001')).length === 1);
    expect(await sql('SELECT user_id, kind FROM interactions WHERE item_id = 9001')).toEqual([{ user_id: 7, kind: 'like' }]);
    await until('pg-boss to complete the job', async () => (await jobState(res.body.job_id)) === 'completed');
  });

  it('still validates the body first: 400 and nothing enqueued', async () => {
    const before = task().enqueued;
    const res = await post({ user_id: 7, item_id: 1, kind: 'stare' });
    expect(res.status).toBe(400);
    expect(task().enqueued).toBe(before);
  });

  it('counts tasks and their latency = queue wait + service; the send is one query of the request', async () => {
    sys.resetStats();
    for (let i = 0; i < 5; i++) expect((await post({ user_id: 1 + i, item_id: 9100 + i, kind: 'view' })).status).toBe(202);
    await until('five tasks done', () => task().done === 5);
    const t = task();
    expect([t.enqueued, t.done, t.failed, t.retried, t.inFlight]).toEqual([5, 5, 0, 0, 0]);
    const { latency, wait, service } = t.ms;
    expect([latency.count, wait.count, service.count]).toEqual([5, 5, 5]);
    expect(service.min).toBeGreaterThan(0);
    expect(wait.min).toBeGreaterThan(0);
    expect(latency.sum).toBeCloseTo(wait.sum + service.sum, 6);
    expect(latency.min).toBeGreaterThanOrEqual(wait.min);
    expect(latency.p50).toBeGreaterThan(0);
    expect([t.queries.send, t.queries.fetch]).toEqual([5, 5]);
    const route = sys.stats().routes['POST /interactions']!;
    expect([route.count, route.status['202'], route.queries.sum]).toEqual([5, 5, 5]);
    expect(route.ms.db.min).toBeGreaterThan(0);
    // GET /__stats serves the same under `tasks`; its reset clears them.
    expect((await call(sys.url, 'GET', '/__stats')).body.tasks[TASK].done).toBe(5);
    expect((await call(sys.url, 'POST', '/__stats/reset')).status).toBe(204);
    expect(sys.stats().tasks).toEqual({});
  });
});

describe('failures', () => {
  it('an unknown user fails for good at once: failed, not done, no retry, dead-lettered', async () => {
    sys.resetStats();
    const res = await post({ user_id: 999_999, item_id: 9200, kind: 'view' });
    expect(res.status).toBe(202);
    await until('the task to fail', () => (sys.stats().tasks[TASK]?.failed ?? 0) === 1);
    expect(task()).toMatchObject({ done: 0, failed: 1, retried: 0 });
    await until('pg-boss to mark it failed', async () => (await jobState(res.body.job_id)) === 'failed');
    const dead = await sql(`SELECT data FROM pgboss.job WHERE name = $1 AND (data->>'item_id')::int = 9200`, [DEAD_LETTER]);
    expect(dead).toHaveLength(1);
    expect(dead[0].data).toMatchObject({ user_id: 999_999, item_id: 9200, kind: 'view' });
    expect(await sql('SELECT 1 FROM interactions WHERE item_id = 9200')).toEqual([]);
  });

  it('another error is retried retryLimit times, then dead-lettered', async () => {
    sys.resetStats();
    // The API never enqueues a bad kind; sent straight to pg-boss, it breaks the CHECK constraint.
    const id = await sys.queue!.boss.send(TASK, { user_id: 1, item_id: 9300, kind: 'bogus', enqueuedAt: epochMs() });
    await until('the retries to run out', () => (sys.stats().tasks[TASK]?.failed ?? 0) === 1);
    expect(task()).toMatchObject({ done: 0, failed: 1, retried: QUEUE.retryLimit });
    await until('pg-boss to mark it failed', async () => (await jobState(id!)) === 'failed');
    const dead = await sql(`SELECT 1 FROM pgboss.job WHERE name = $1 AND (data->>'item_id')::int = 9300`, [DEAD_LETTER]);
    expect(dead).toHaveLength(1);
  });
});

describe('queue off', () => {
  it('keeps the 201 behaviour (an app built on the same database without a queue)', async () => {
    const db = new Db(sys.pool);
    const options = resolveOptions({ logLevel: 'silent', cache: { enabled: false } });
    const app = await buildApp({ db, cache: undefined, sessions: new PgSessionStore(db, 60), stats: new RouteStats(), options });
    try {
      const res = await app.inject({ method: 'POST', url: '/interactions', payload: { user_id: 3, item_id: 9400, kind: 'view' } });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ user_id: 3, item_id: 9400, kind: 'view', id: expect.any(Number) });
      const missing = await app.inject({ method: 'POST', url: '/interactions', payload: { user_id: 999_999, item_id: 1, kind: 'view' } });
      expect(missing.statusCode).toBe(422);
    } finally {
      await app.close();
    }
  });
});

describe('stop', () => {
  it('finishes the jobs in hand before closing; a job not yet picked up stays queued', async () => {
    sys.resetStats();
    // Hold a lock that blocks inserts, so the workers' jobs stay in hand while we stop.
    const blocker = new pg.Client({ connectionString: sys.databaseUrl });
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('BEGIN; LOCK TABLE stacksim.interactions IN EXCLUSIVE MODE');
    for (let i = 0; i < 3; i++) expect((await post({ user_id: 1, item_id: 9500 + i, kind: 'view' })).status).toBe(202);
    await until('both workers to hold a job', () => task().inFlight === QUEUE.concurrency);
    expect(await sys.queue!.waiting()).toBe(1); // the third is not picked up, and will not be
    const url = sys.url;
    const stopped = sys.stop().then(() => 'stopped' as const);
    await until('the API to close', () => fetch(`${url}/__stats`).then(() => false, () => true));
    // Stop cannot finish while the jobs it waits for are blocked.
    expect(await Promise.race([stopped, sleep(300).then(() => 'waiting' as const)])).toBe('waiting');
    await blocker.query('COMMIT');
    await blocker.end();
    expect(await stopped).toBe('stopped');
    expect(task()).toMatchObject({ enqueued: 3, done: QUEUE.concurrency, failed: 0, inFlight: 0 });
    // pg-boss too saw them completed, not failed as "shut down while active".
    expect([task().queries.complete, task().queries.fail]).toEqual([QUEUE.concurrency, 0]);
  });
});
