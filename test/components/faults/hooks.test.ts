// The fault hooks added to existing parts: a cache store cleared with some slots freed keeps
// its eviction order consistent; a replica set never picks a down replica and answers -1
// when all are down; nested holds; a crash of an instance that does not exist is logged as
// skipped, not thrown.
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../../../src/components/cache/store.js';
import { ReplicaSet } from '../../../src/components/database/replicas.js';
import { actionFor, Holds } from '../../../src/components/faults/actions.js';
import { FaultsComponent } from '../../../src/components/faults/runtime.js';
import { faultsSchema } from '../../../src/components/faults/schema.js';
import { LruPolicy } from '../../../src/components/policies/eviction/lru.js';
import { constant } from '../../../src/engine/random/continuous.js';
import { testWorld } from '../env.js';

describe('CacheStore.clear', () => {
  it('drops every entry, including around freed slots, and the store works as new afterwards', () => {
    const s = new CacheStore(4, new LruPolicy());
    for (const k of [1, 2, 3, 4]) s.set(k, Infinity, 0);
    s.delete(2, 1); // slot freed before the flush
    expect(s.clear(2)).toBe(3);
    expect([1, 2, 3, 4].map((k) => s.has(k, 2))).toEqual([false, false, false, false]);
    expect(s.size).toBe(0);
    // refill past capacity: LRU evicts in insertion order, so the policy list survived intact
    for (const k of [10, 11, 12, 13, 14]) s.set(k, Infinity, 3);
    expect([10, 11, 12, 13, 14].map((k) => s.has(k, 3))).toEqual([false, true, true, true, true]);
    expect(s.evictions).toBe(1);
    expect(s.entries.mean(4)).toBeGreaterThan(0);
  });
});

describe('ReplicaSet with replicas down', () => {
  it('skips down replicas, falls back to -1 when none is up, and takes them back', () => {
    const w = testWorld(1);
    const set = new ReplicaSet([w.env('r1').ctx, w.env('r2').ctx, w.env('r3').ctx], 1, constant(0), () => undefined);
    set.setUp(0, false);
    const picks = Array.from({ length: 30 }, () => set.pick());
    expect(picks.includes(0)).toBe(false);
    expect(new Set(picks)).toEqual(new Set([1, 2]));
    set.setUp(1, false);
    set.setUp(2, false);
    expect(set.pick()).toBe(-1);
    set.setUp(0, true);
    set.setUp(0, true); // idempotent
    expect(Array.from({ length: 5 }, () => set.pick())).toEqual([0, 0, 0, 0, 0]);
    expect(() => set.setUp(3, false)).toThrow(/replica 4 does not exist \(there are 3\)/);
  });
});

describe('fault actions', () => {
  it('holds nest: only the first take and the last give flip the state', () => {
    const h = new Holds();
    expect([h.take('x'), h.take('x'), h.give('x'), h.give('x'), h.give('x')]).toEqual([true, false, false, true, false]);
  });

  it('a crash of an instance the tier does not have (yet) is logged as skipped', () => {
    const w = testWorld(1);
    const instance = { name: 'app/1', up: true, active: 0, weight: 1, accept: () => undefined };
    const tier = { name: 'app', backends: () => [instance] };
    const config = faultsSchema.parse({ kind: 'faults', schedule: [{ at: '1s', crash: 'app/2', for: '1s' }, { at: '2s', crash: 'app/1', for: '1s' }] });
    const holds = new Holds();
    const f = new FaultsComponent('chaos', w.env('chaos').ctx, config.schedule.map((e) => ({
      kind: 'crash' as const, label: `crash ${e.crash}`, at: e.at, for: e.for ?? null, action: actionFor('chaos', e, tier, holds),
    })));
    w.sim.run({ until: 2.5 });
    expect(instance.up).toBe(false);
    w.sim.run({ until: 5 });
    expect(instance.up).toBe(true);
    expect(f.report(5).extra).toEqual({
      scheduled: 2, started: 2, ended: 2, skipped: 1,
      '1.crash app/2.start': 1, '1.crash app/2.end': 2, '1.crash app/2.instances': 0,
      '2.crash app/1.start': 2, '2.crash app/1.end': 3, '2.crash app/1.instances': 1,
    });
  });

  it('a target without the capability is a build error naming the fault', () => {
    const e = faultsSchema.parse({ kind: 'faults', schedule: [{ at: '1s', failover: 'redis' }] }).schedule[0]!;
    expect(() => actionFor('chaos', e, { flush: () => 0 }, new Holds())).toThrow(/faults chaos: failover target does not take writes/);
  });
});
