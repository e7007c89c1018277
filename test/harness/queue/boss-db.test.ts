/**
 * The statement classifier against the installed pg-boss's own SQL (so an upgrade that
 * rewrites a statement fails here rather than silently miscounting), and the adapter's
 * counting and attribution against a stand-in pool.
 */
import { createRequire } from 'node:module';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { BossDb, classifyStatement } from '../../../src/harness/queue/boss-db.js';
import type { Statement } from '../../../src/harness/queue/task-stats.js';

const plans = createRequire(import.meta.url)('pg-boss/src/plans.js');
const S = 'pgboss';

describe('classifyStatement', () => {
  it("recognises pg-boss 10's send, fetch, complete and fail statements", () => {
    expect(classifyStatement(plans.insertJob(S), 1)).toBe('send');
    expect(classifyStatement(plans.fetchNextJob(S)({ includeMetadata: true }), 1)).toBe('fetch');
    expect(classifyStatement(plans.fetchNextJob(S)({ includeMetadata: false }), 0)).toBe('fetchEmpty');
    expect(classifyStatement(plans.completeJobs(S), 1)).toBe('complete');
    expect(classifyStatement(plans.failJobsById(S), 1)).toBe('fail');
  });

  it('files everything else under other', () => {
    for (const text of [plans.cancelJobs(S), plans.createQueue(S), plans.getQueueSize(S), plans.deleteQueue(S), plans.retryJobs(S)]) {
      expect(classifyStatement(text, 1)).toBe('other');
    }
  });
});

describe('BossDb', () => {
  const fakePool = (rows: number) => ({
    query: async () => ({ rowCount: rows, rows: Array.from({ length: rows }, () => ({})) }),
    end: async () => undefined,
  }) as unknown as pg.Pool;

  it('counts statements naming a known queue (first or second parameter), and only those', async () => {
    const seen: Array<[string, Statement]> = [];
    const db = new BossDb(fakePool(0), new Set(['t']), (task, kind) => void seen.push([task, kind]));
    await db.executeSql(plans.fetchNextJob(S)({}), ['t', 1]);
    await db.executeSql(plans.insertJob(S), [null, 't', {}]);
    await db.executeSql(plans.fetchNextJob(S)({}), ['other-queue', 1]);
    await db.executeSql(plans.getTime());
    expect(seen).toEqual([['t', 'fetchEmpty'], ['t', 'send']]);
  });

  it('answers undefined once closed, as pg-boss expects of its own connection', async () => {
    const db = new BossDb(fakePool(1), new Set(['t']), () => undefined);
    await db.close();
    expect(await db.executeSql('SELECT 1', [])).toBeUndefined();
  });
});
