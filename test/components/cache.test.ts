// The cache component through real flow steps: default latencies per engine, LRU order,
// TTL at the boundary, invalidation, per-instance stores, the server queue and the report.
import { describe, expect, it } from 'vitest';
import { cache } from '../../src/components/cache.js';
import { cacheWorld } from './cache/helpers.js';

const US = 1e-6;

describe('cache', () => {
  it('answers after the engine default latency: redis pays the network round trip', () => {
    const w = cacheWorld({ engine: 'redis', capacity: 10 });
    const flow = w.readFlow();
    w.send(1, 42, flow); // miss (rtt + 50µs), then set (rtt + 80µs)
    w.send(2, 42, flow); // hit (rtt + 80µs)
    w.sim.run();
    const rtt = 0.0005;
    expect(w.responses.map((r) => r.respondedAt - r.startedAt)).toEqual([
      expect.closeTo(2 * rtt + 130 * US, 12),
      expect.closeTo(rtt + 80 * US, 12),
    ]);
    expect(w.responses.map((r) => r.hit)).toEqual([false, true]);
  });

  it('uses the latencies the model gives', () => {
    const w = cacheWorld({ engine: 'memcached', capacity: 10, miss_latency: { constant: '3ms' }, set_latency: { constant: '2ms' } });
    w.send(0, 1, w.readFlow());
    w.sim.run();
    expect(w.responses[0]!.respondedAt).toBeCloseTo(0.005, 12);
  });

  it('evicts the least recently used key (exact order)', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 3 });
    const flow = w.readFlow();
    // fill 1, 2, 3; read 1; add 4 (evicts 2); then 2 misses (evicts 3), 1 and 4 hit, 3 misses
    [1, 2, 3, 1, 4, 2, 1, 4, 3].forEach((user, i) => w.send(i, user, flow));
    w.sim.run();
    expect(w.responses.map((r) => (r.hit ? 'hit' : 'miss'))).toEqual(
      ['miss', 'miss', 'miss', 'hit', 'miss', 'miss', 'hit', 'hit', 'miss']);
    expect(w.cache.report(9).extra).toMatchObject({ evictions: 3, sets: 6, gets: 9, hits: 3 });
  });

  it('expires entries exactly ttl after the set: a hit just before, a miss just after', () => {
    const zero = { constant: 0 };
    const w = cacheWorld({ engine: 'in_process', capacity: 10, ttl: '10s', hit_latency: zero, miss_latency: zero, set_latency: zero });
    const flow = w.readFlow();
    w.send(1, 5, flow); // miss, set at t=1: expires at 11
    w.send(11 - 1e-9, 5, flow);
    w.send(11 + 1e-9, 5, flow); // expired: miss, set again (expires at 21 + 1e-9)
    w.send(21, 5, flow);
    w.sim.run();
    expect(w.responses.map((r) => r.hit)).toEqual([false, true, false, true]);
    expect(w.cache.report(30).extra).toMatchObject({ expirations: 1, misses: 2, hits: 2 });
  });

  it('misses after a cache_delete (invalidation on write)', () => {
    const w = cacheWorld({ engine: 'in_process', capacity: 10 });
    const read = w.readFlow();
    w.send(0, 9, read);
    w.send(1, 9, read);
    w.send(2, 9, [w.deleteStep()]);
    w.send(3, 9, read);
    w.send(4, 8, [w.deleteStep()]); // deleting an absent key is harmless
    w.sim.run();
    const reads = w.responses.filter((_, i) => i !== 2 && i !== 4);
    expect(reads.map((r) => r.hit)).toEqual([false, true, false]);
    expect(w.cache.report(5).extra).toMatchObject({ deletes: 2, sets: 2, mean_entries: expect.closeTo(0.8, 5) });
  });

  it('keeps one store per app instance for in_process caches', () => {
    const w = cacheWorld({ engine: 'in_process', capacity: 10 });
    const a = { name: 'app-1' };
    const b = { name: 'app-2' };
    const flow = w.readFlow();
    w.send(0, 1, flow, (req) => (req.instance = a));
    w.send(1, 1, flow, (req) => (req.instance = b)); // b's process has not seen key 1
    w.send(2, 1, flow, (req) => (req.instance = a));
    w.sim.run();
    expect(w.responses.map((r) => r.hit)).toEqual([false, false, true]);
    expect(w.cache.report(3).extra).toMatchObject({ stores: 2, sets: 2 });
    // a shared (Redis) cache serves both instances from one store
    const r = cacheWorld({ engine: 'redis', capacity: 10 });
    r.send(0, 1, r.readFlow(), (req) => (req.instance = a));
    r.send(1, 1, r.readFlow(), (req) => (req.instance = b));
    r.sim.run();
    expect(r.responses.map((x) => x.hit)).toEqual([false, true]);
  });

  it('queues operations for the server threads when `servers` is given', () => {
    const w = cacheWorld({ engine: 'in_process', scope: 'shared', capacity: 10, servers: 1, service: { constant: '10us' } });
    const flow = w.readFlow([]); // lookups only
    for (let i = 0; i < 3; i++) w.send(0, i, flow);
    w.sim.run();
    // 10 µs of service each, one after another, then 1 µs of client-side latency
    expect(w.responses.map((r) => r.respondedAt / US)).toEqual([expect.closeTo(11, 9), expect.closeTo(21, 9), expect.closeTo(31, 9)]);
    const rep = w.cache.report(40 * US);
    expect(rep.utilisation).toBeCloseTo(30 / 40, 9);
    expect(rep.maxQueue).toBe(2);
  });

  it('reports no NaN before any traffic, and prices its nodes', () => {
    const w = cacheWorld({ engine: 'redis', capacity: '1M', instance_type: 'cache.m5.large', nodes: 3 });
    const rep = w.cache.report(0);
    expect(rep.hitRatio).toBeUndefined();
    expect(rep.costPerHour).toBeCloseTo(3 * 0.156, 12);
    expect(Object.values(rep.extra!).every(Number.isFinite)).toBe(true);
  });

  it('rejects a zero ttl and a service time without servers', () => {
    expect(cache.schema.safeParse({ kind: 'cache', capacity: 10, ttl: 0 }).success).toBe(false);
    expect(cache.schema.safeParse({ kind: 'cache', capacity: 10, service: { constant: '5us' } }).success).toBe(false);
    expect(cache.schema.safeParse({ kind: 'cache', capacity: '100k', ttl: '5m', eviction: 'lfu' }).success).toBe(true);
  });
});
