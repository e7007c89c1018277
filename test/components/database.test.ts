// The database through real `db` steps: processor sharing against queueing theory, the N+1
// pattern, routing to replicas, stale reads only with lag, read-your-writes, the report.
import { describe, expect, it } from 'vitest';
import { database } from '../../src/components/database.js';
import { mm1, mmc } from '../../src/analytic/index.js';
import { exponential } from '../../src/engine/random/continuous.js';
import { dbWorld, latencies, USERS, type DbWorld } from './database/helpers.js';

const RTT = 0.0005; // the test world's network round trip

/** Poisson arrivals at `rate` for `duration` seconds, each running one `query` (no pool). */
function poisson(w: DbWorld, rate: number, duration: number, query: string): void {
  const gaps = exponential(1 / rate);
  const rng = w.sim.stream('arrivals');
  const flow = [w.dbStep(query)];
  const arrive = (): void => {
    w.send(w.sim.now, flow);
    const gap = gaps.sample(rng);
    if (w.sim.now + gap < duration) w.sim.schedule(gap, arrive, null);
  };
  w.sim.schedule(0, arrive, null);
}

const meanLatency = (w: DbWorld) => latencies(w.responses).reduce((a, b) => a + b, 0) / w.responses.length;

describe('database: the primary', () => {
  it('matches M/M/1-PS: utilisation λE[S] and mean sojourn E[S]/(1−ρ) plus the round trip', () => {
    const w = dbWorld({ cores: 1, tables: USERS, queries: { q: { table: 'users', cost: { exponential: { mean: '10ms' } } } } });
    poisson(w, 60, 2000, 'q');
    w.sim.run();
    const theory = mm1({ lambda: 60, mu: 100 });
    const rep = w.db.report(w.sim.now);
    expect(Math.abs(rep.utilisation! - 0.6)).toBeLessThan(0.015);
    expect(meanLatency(w) - RTT).toBeGreaterThan(theory.W * 0.95);
    expect(meanLatency(w) - RTT).toBeLessThan(theory.W * 1.05);
    expect(rep.extra!.mean_query_ms).toBeCloseTo(meanLatency(w) * 1000, 6);
  });

  it('shares c cores: utilisation λE[S]/c and the M/M/c mean sojourn (exponential work)', () => {
    const w = dbWorld({ cores: 4, tables: USERS, queries: { q: { table: 'users', cost: { exponential: { mean: '20ms' } } } } });
    poisson(w, 150, 1000, 'q');
    w.sim.run();
    const theory = mmc({ lambda: 150, mu: 50, c: 4 });
    expect(Math.abs(w.db.report(w.sim.now).utilisation! - 0.75)).toBeLessThan(0.015);
    expect(Math.abs((meanLatency(w) - RTT) / theory.W - 1)).toBeLessThan(0.05);
  });

  it('issues exactly N queries for repeat: N, one round trip each; one join is much faster', () => {
    const w = dbWorld({
      tables: USERS,
      costs: { cv: 0 },
      queries: { get_user: { table: 'users' }, users_with_profiles: { table: 'users', lookup: 'index', rows: 20, joins: 1 } },
    });
    const plans = w.db.settings.plans;
    w.send(0, [w.dbStep('get_user', 'auto', 21)]);
    w.send(1, [w.dbStep('users_with_profiles')]);
    w.sim.run();
    const [nPlusOne, join] = latencies(w.responses);
    expect(w.db.report(2).extra).toMatchObject({ queries_get_user: 21, queries_users_with_profiles: 1, queries: 22 });
    expect(nPlusOne).toBeCloseTo(21 * (RTT + plans.get('get_user')!.mean), 12);
    expect(join).toBeCloseTo(RTT + plans.get('users_with_profiles')!.mean, 12);
    expect(nPlusOne! / join!).toBeGreaterThan(10);
  });

  it('counts connections against max_connections and refuses past it', () => {
    const w = dbWorld({ max_connections: 2, tables: USERS, queries: { q: { table: 'users' } } });
    expect([w.db.connect(), w.db.connect(), w.db.connect()]).toEqual([true, true, false]);
    w.db.disconnect();
    expect(w.db.connect()).toBe(true);
    expect(w.db.report(0).extra).toMatchObject({ connections_max: 2, connections_refused: 1, max_connections: 2 });
  });
});

/** Each user writes its row then reads it right back; `others` users only read. */
function writeThenRead(w: DbWorld, users: number, gap = 1): void {
  for (let u = 1; u <= users; u++) w.send(u * gap, [w.dbStep('update_user'), w.dbStep('get_user')], [u]);
}

const replicated = (replicas: Record<string, unknown>) => ({
  tables: USERS,
  costs: { cv: 0 },
  queries: { get_user: { table: 'users' }, update_user: { table: 'users', write: true } },
  replicas,
});

describe('database: read replicas', () => {
  it('has no stale reads when replicas do not lag', () => {
    const w = dbWorld(replicated({ count: 2, lag: { constant: 0 } }));
    writeThenRead(w, 50);
    w.sim.run();
    const rep = w.db.report(w.sim.now);
    expect(rep.staleReads).toBe(0);
    expect(rep.extra).toMatchObject({ replica_reads: 50, writes: 50 });
  });

  it('counts every read right after a write as stale when replicas lag 200ms', () => {
    const w = dbWorld(replicated({ count: 2, lag: { constant: '200ms' } }));
    writeThenRead(w, 50);
    // another user reads each row 1 s later, long after the lag: never stale
    for (let u = 1; u <= 50; u++) w.send(u + 0.5, [w.dbStep('get_user')], [u]);
    w.sim.run();
    expect(w.db.report(w.sim.now).staleReads).toBe(50);
  });

  it('sends the writer to the primary within read_your_writes: no stale reads of its own writes', () => {
    const w = dbWorld(replicated({ count: 2, lag: { uniform: { min: '50ms', max: '200ms' } }, read_your_writes: '1s' }));
    writeThenRead(w, 50, 2);
    w.sim.run();
    const rep = w.db.report(w.sim.now);
    expect(rep.staleReads).toBe(0);
    expect(rep.extra).toMatchObject({ ryw_primary_reads: 50, replica_reads: 0 });
    // 2 s later the window has passed: the same user's read goes to a replica again
    w.send(w.sim.now + 2, [w.dbStep('get_user')], [1]);
    w.sim.run();
    expect(w.db.report(w.sim.now).extra).toMatchObject({ ryw_primary_reads: 50, replica_reads: 1 });
  });

  it('runs writes only on the primary and spreads reads over the replicas', () => {
    const w = dbWorld(replicated({ count: 3, lag: { constant: '1ms' } }));
    for (let i = 0; i < 30; i++) w.send(i, [w.dbStep('update_user')], [i]);
    for (let i = 0; i < 300; i++) w.send(100 + i, [w.dbStep('get_user')], [i]);
    w.send(500, [w.dbStep('get_user', 'primary')], [1]);
    w.sim.run();
    expect(w.db.primary.arrivals).toBe(31);
    expect(w.db.replicas!.stations.map((s) => s.arrivals)).toEqual([100, 100, 100]);
    expect(w.db.report(w.sim.now).extra).toMatchObject({ replica_1_reads: 100, replica_2_reads: 100, replica_3_reads: 100 });
  });

  it('keeps reads on the primary with reads: primary unless the step asks for a replica', () => {
    const w = dbWorld(replicated({ count: 1, reads: 'primary' }));
    w.send(0, [w.dbStep('get_user')], [1]);
    w.send(1, [w.dbStep('get_user', 'replica')], [1]);
    w.sim.run();
    expect(w.db.primary.arrivals).toBe(1);
    expect(w.db.replicas!.stations[0]!.arrivals).toBe(1);
  });

  it('prices the primary and each replica, and reports no NaN before traffic', () => {
    const w = dbWorld({ ...replicated({ count: 2 }), instance_type: 'db.m5.large' });
    const rep = w.db.report(0);
    expect(rep.costPerHour).toBeCloseTo(3 * 0.171, 12);
    expect(Object.values(rep.extra!).every(Number.isFinite)).toBe(true);
    expect(rep.utilisation).toBe(0);
    const own = dbWorld({ ...replicated({ count: 2, instance_type: 'm5.large' }), instance_type: 'db.m5.large' });
    expect(own.db.report(0).costPerHour).toBeCloseTo(0.171 + 2 * 0.096, 12);
  });
});

describe('database: schema', () => {
  it('rejects a query on an undefined table and a zero read-your-writes window', () => {
    const base = { kind: 'database', tables: USERS };
    const bad = database.schema.safeParse({ ...base, queries: { q: { table: 'userz' } } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/userz/);
    expect(database.schema.safeParse({ ...base, queries: {}, replicas: { count: 1, read_your_writes: 0 } }).success).toBe(false);
    expect(database.schema.safeParse({ ...base, queries: { q: { table: 'users', lookup: 'scan', rows: 20 } }, costs: { base: '30us' } }).success).toBe(true);
  });

  it('names an unknown key space and an unknown query clearly', () => {
    expect(() => dbWorld({ tables: USERS, queries: { q: { table: 'users', key: 'account' } } })).toThrow(/query q: key `account`/);
    const w = dbWorld({ tables: USERS, queries: { q: { table: 'users' } } });
    expect(() => w.db.plan('nope')).toThrow(/no query named nope \(known: q\)/);
  });
});
