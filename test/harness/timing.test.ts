import { describe, expect, it } from 'vitest';
import { RouteStats } from '../../src/harness/route-stats.js';
import { parseServerTiming, RequestTiming, serverTimingHeader } from '../../src/harness/timing.js';

function timing(start: number, parts: Partial<Record<'cpu' | 'pool' | 'db' | 'cache' | 'queries' | 'cacheHits' | 'cacheMisses', number>>) {
  return Object.assign(new RequestTiming(start), parts);
}

describe('Server-Timing', () => {
  it('lists cpu, pool, db, cache and total in ms', () => {
    const t = timing(100, { cpu: 1.5, pool: 0.25, db: 3, cache: 0.0004 });
    expect(serverTimingHeader(t, 110.1234)).toBe('cpu;dur=1.500, pool;dur=0.250, db;dur=3.000, cache;dur=0.000, total;dur=10.123');
  });

  it('round-trips through the parser', () => {
    expect(parseServerTiming('cpu;dur=1.500, pool;dur=0.250, db;desc="x";dur=3, cache;dur=0')).toEqual({ cpu: 1.5, pool: 0.25, db: 3, cache: 0 });
  });
});

describe('RequestTiming', () => {
  it('charges awaited time to the named component and sync work to cpu', async () => {
    const t = new RequestTiming();
    const v = await t.wait('db', async () => 42);
    expect(v).toBe(42);
    expect(t.db).toBeGreaterThanOrEqual(0);
    expect(t.cpuWork(() => 'x')).toBe('x');
    expect(t.pool).toBe(0);
    expect(t.cache).toBe(0);
  });

  it('still charges the time when the work throws', async () => {
    const t = new RequestTiming();
    await expect(t.wait('pool', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(() => t.cpuWork(() => { throw new Error('sync'); })).toThrow('sync');
    expect(t.pool).toBeGreaterThanOrEqual(0);
  });
});

describe('RouteStats', () => {
  it('aggregates count, sums, squares, mean, sample sd, min and max per route', () => {
    const stats = new RouteStats();
    stats.record('GET /users/:id', timing(0, { cpu: 1, db: 2, queries: 1, cacheMisses: 1 }), 200, 4);
    stats.record('GET /users/:id', timing(0, { cpu: 3, db: 0, queries: 0, cacheHits: 1 }), 200, 6);
    stats.record('GET /users/:id', timing(0, { cpu: 5, db: 4, queries: 1, cacheMisses: 1 }), 404, 8);
    stats.record('POST /users', timing(0, { cpu: 9 }), 201, 9);
    const snap = stats.snapshot();
    expect(Object.keys(snap.routes)).toEqual(['GET /users/:id', 'POST /users']);
    const r = snap.routes['GET /users/:id']!;
    expect(r.count).toBe(3);
    expect(r.status).toEqual({ 200: 2, 404: 1 });
    expect(r.ms.cpu).toEqual({ sum: 9, sumSq: 35, mean: 3, sd: 2, min: 1, max: 5 });
    expect(r.ms.db).toEqual({ sum: 6, sumSq: 20, mean: 2, sd: 2, min: 0, max: 4 });
    expect(r.ms.total.mean).toBe(6);
    expect(r.ms.pool).toEqual({ sum: 0, sumSq: 0, mean: 0, sd: 0, min: 0, max: 0 });
    expect(r.queries.sum).toBe(2);
    expect([r.cacheHits, r.cacheMisses]).toEqual([1, 2]);
    expect(snap.routes['POST /users']!.ms.cpu.sd).toBe(0); // one observation
  });

  it('reset forgets everything', () => {
    const stats = new RouteStats();
    stats.record('GET /x', timing(0, {}), 200, 1);
    stats.reset();
    expect(stats.snapshot().routes).toEqual({});
  });
});
