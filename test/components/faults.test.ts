// faults: each fault kind is observable in a run — a failover makes writes fail with 503
// write_unavailable exactly during its window; a crash gives 502s until the load balancer's
// health checks take the instance out, and it rejoins after its restart; a flush drops the
// hit ratio, which then recovers; a replica down sends its reads elsewhere; a latency spike
// slows exactly the requests that use the dependency. The report logs what happened when.
import { describe, expect, it } from 'vitest';
import type { AppTier } from '../../src/components/app-tier.js';
import type { FaultsComponent } from '../../src/components/faults.js';
import type { LoadBalancer } from '../../src/components/load-balancer.js';
import { component, errorsIn, runTimeline, type Response } from './faults/timeline.js';
import { modelErrors } from './faults/yaml-model.js';

const model = (schedule: string, extra = '') => `
name: faulty
run: { duration: 60s, warmup: 0s, seed: 4 }
keys:
  user: { zipf: { s: 1.0, n: 2000 } }
components:
  lb:
    kind: load_balancer
    targets: [app]
    health_check: { interval: 1s, unhealthy_threshold: 3, healthy_threshold: 2 }
  app: { kind: app_tier, instances: 2, cores: 4, runtime: workers, workers: 16 }
  redis: { kind: cache, capacity: 5k }
  db:
    kind: database
    cores: 8
    replicas: { count: 2, lag: { constant: 1ms } }
    tables: { users: { rows: 100k } }
    queries:
      get_user: { table: users, lookup: pk }
      update_user: { table: users, lookup: pk, write: true }
  chaos:
    kind: faults
    schedule:
${schedule}
${extra}
endpoints:
  get_user:
    - cpu: { constant: 1ms }
    - cache_get:
        cache: redis
        key: "user:{user}"
        on_miss:
          - db: get_user
          - cache_set: { cache: redis, key: "user:{user}" }
  update_user:
    - cpu: { constant: 1ms }
    - db: update_user
    - cache_delete: { cache: redis, key: "user:{user}" }
  list_users:
    - db: { query: get_user, route: replica }
entry: lb
traffic:
  - { type: open_loop, rate: 300/s, mix: { get_user: 6, update_user: 2, list_users: 2 } }
`;

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const latencies = (r: readonly Response[], endpoint: string, from: number, to: number): number[] =>
  r.filter((x) => x.endpoint === endpoint && x.error === null && x.t >= from && x.t < to).map((x) => x.latency);

describe('failover', () => {
  it('writes fail with 503 write_unavailable during the window, and only then; reads go on', () => {
    const { summary, responses, built } = runTimeline(model('      - { at: 20s, failover: db, for: 10s }'));
    // a write refused at the database answers one round trip later: allow that much past the end
    expect(errorsIn(responses, 0, 20)).toBe(0);
    expect(errorsIn(responses, 30.01, 61)).toBe(0);
    for (let t = 20; t < 30; t++) expect(errorsIn(responses, t, t + 1, 'write_unavailable')).toBeGreaterThan(20); // ~60 writes/s
    const during = responses.filter((x) => x.t >= 20.01 && x.t < 30);
    expect(during.filter((x) => x.endpoint === 'update_user').every((x) => x.status === 503 && x.error === 'write_unavailable')).toBe(true);
    expect(during.filter((x) => x.endpoint !== 'update_user').every((x) => x.error === null)).toBe(true);
    // counted the same way in the summary and the database's report
    const refused = summary.components.find((c) => c.name === 'db')!.extra!.write_unavailable;
    expect(summary.overall.errorsByCause).toEqual({ write_unavailable: refused });
    expect(summary.overall.byStatus['503']).toBe(refused);
    expect(component<FaultsComponent>(built, 'chaos').history()).toEqual([{ label: 'failover db', started: 20, ended: 30, figure: 1 }]);
  });
});

describe('instance crash and restart behind health checks', () => {
  const run = () => runTimeline(model('      - { at: 20s, crash: app/2, for: 20s }'), {
    every: 0.5,
    value: (b) => component<LoadBalancer>(b, 'lb').inRotation('app/2'),
  });

  it('gives 502s until 3 failed checks take it out, none after; it rejoins after 2 passed checks', () => {
    const { responses, readings, summary } = run();
    expect(errorsIn(responses, 0, 20)).toBe(0);
    // checks run on whole seconds, just after the crash at 20 s: those at 20, 21 and 22 fail,
    // and meanwhile round robin sends half the traffic (150/s) to the crashed instance
    const refused = errorsIn(responses, 20, 22.01, 'dropped');
    expect(refused).toBeGreaterThan(0.8 * 150 * 2);
    expect(refused).toBeLessThan(1.2 * 150 * 2);
    expect(responses.filter((x) => x.t >= 20 && x.t < 22.01 && x.error !== null).every((x) => x.status === 502)).toBe(true);
    expect(errorsIn(responses, 22.01, 61)).toBe(0);
    // restarted at 40 s: the checks at 40 and 41 pass, so it is back in rotation from 41 s
    const inRotation = (t: number) => readings.find((r) => r.t === t)!.value;
    expect([19.5, 21.5, 22.5, 39.5, 40.5, 41.5].map(inRotation)).toEqual([true, true, false, false, false, true]);
    expect(summary.components.find((c) => c.name === 'lb')!.extra).toMatchObject({ marked_down: 1, marked_up: 1 });
  });

  it('without health checks the balancer skips the down instance at once: no errors', () => {
    const { responses } = runTimeline(model('      - { at: 20s, crash: app/2, for: 20s }').replace(/\n    health_check:.*\n/, '\n'));
    expect(errorsIn(responses, 0, 61)).toBe(0);
  });

  it('overlapping crashes nest: the instance restarts when the last one ends; a whole tier can crash', () => {
    const { readings, responses } = runTimeline(model([
      '      - { at: 10s, crash: app/1, for: 20s }',
      '      - { at: 20s, crash: app/1, for: 20s }',
      '      - { at: 50s, crash: app, for: 5s }',
    ].join('\n')), { every: 1, value: (b) => component<AppTier>(b, 'app').backends().map((i) => i.up) });
    const at = (t: number) => readings.find((r) => r.t === t)!.value;
    expect([9, 15, 25, 35, 41, 52, 56].map(at)).toEqual([
      [true, true], [false, true], [false, true], [false, true], [true, true], [false, false], [true, true],
    ]);
    // the whole tier down: every request that arrives is refused until it is back (those
    // already running at 50 s finish: a crash stops new work, see the report)
    expect(responses.filter((x) => x.t > 50.1 && x.t < 55).every((x) => x.error !== null)).toBe(true);
  });
});

describe('cache flush', () => {
  it('drops the hit ratio, which then recovers as the cache warms up again', () => {
    const { readings, built } = runTimeline(model('      - { at: 30s, cache_flush: redis }'), {
      every: 1,
      value: (b) => {
        const x = component<AppTier>(b, 'redis').report(b.sim.now).extra!;
        return { hits: x.hits!, gets: x.gets! };
      },
    });
    const ratio = (from: number, to: number): number => {
      const a = readings.find((r) => r.t === from)!.value;
      const b = readings.find((r) => r.t === to)!.value;
      return (b.hits - a.hits) / (b.gets - a.gets);
    };
    const before = ratio(25, 30);
    const just = ratio(30, 31);
    expect(before).toBeGreaterThan(0.6);
    expect(just).toBeLessThan(0.5 * before);
    expect(ratio(31, 35)).toBeGreaterThan(just);
    expect(ratio(50, 55)).toBeGreaterThan(0.97 * before);
    const history = component<FaultsComponent>(built, 'chaos').history();
    expect(history[0]!.figure).toBeGreaterThan(500); // entries flushed (of the 2000 users, the popular ones)
    expect(component<FaultsComponent>(built, 'chaos').report(60).extra!['1.cache_flush redis.flushed']).toBe(history[0]!.figure);
  });
});

describe('replica down', () => {
  it('its reads go to the other replica while it is down, then are shared again; with both down, to the primary', () => {
    const { readings, responses } = runTimeline(model([
      '      - { at: 20s, replica_down: { database: db, replica: 1 }, for: 10s }',
      '      - { at: 40s, replica_down: { database: db, replica: 1 }, for: 10s }',
      '      - { at: 40s, replica_down: { database: db, replica: 2 }, for: 10s }',
    ].join('\n')), {
      every: 1,
      value: (b) => {
        const x = component<AppTier>(b, 'db').report(b.sim.now).extra!;
        return [x.replica_1_reads!, x.replica_2_reads!, x.reads! - x.replica_reads!];
      },
    });
    const delta = (from: number, to: number) => {
      const a = readings.find((r) => r.t === from)!.value;
      const b = readings.find((r) => r.t === to)!.value;
      return b.map((v, i) => v - a[i]!);
    };
    const [r1, r2, primary] = delta(5, 15);
    expect(Math.abs(r1! - r2!)).toBeLessThan(0.2 * (r1! + r2!));
    expect(primary).toBe(0);
    expect(delta(20, 30).slice(0, 1)).toEqual([0]);
    expect(delta(20, 30)[1]).toBeGreaterThan(1000);
    const [s1, s2] = delta(31, 39);
    expect(Math.abs(s1! - s2!)).toBeLessThan(0.2 * (s1! + s2!));
    expect(delta(40, 50).slice(0, 2)).toEqual([0, 0]);
    expect(delta(40, 50)[2]).toBeGreaterThan(1000);
    expect(errorsIn(responses, 0, 61)).toBe(0);
  });
});

describe('latency spike', () => {
  it('adds its latency to the requests that use the dependency during the spike, and only then', () => {
    // +20 ms per query: ~175 queries/s hold ~3.5 of the 32 workers more — no queueing builds up
    const { responses } = runTimeline(model('      - { at: 20s, latency_spike: { component: db, add: 20ms }, for: 10s }'));
    const before = mean(latencies(responses, 'list_users', 5, 20));
    const during = mean(latencies(responses, 'list_users', 20.1, 30));
    const after = mean(latencies(responses, 'list_users', 30.1, 60));
    expect(Math.abs(during - before - 0.02)).toBeLessThan(0.001);
    expect(Math.abs(after - before)).toBeLessThan(0.0005);
  });

  it('a large spike saturates the workers that wait on it: latency grows beyond the spike itself', () => {
    const { responses } = runTimeline(model('      - { at: 20s, latency_spike: { component: db, add: 200ms }, for: 10s }'));
    const before = mean(latencies(responses, 'list_users', 5, 20));
    expect(mean(latencies(responses, 'list_users', 25, 30)) - before).toBeGreaterThan(0.4);
    expect(mean(latencies(responses, 'list_users', 50, 60)) - before).toBeLessThan(0.0005); // drained afterwards
  });

  it('on a cache, every operation pays it', () => {
    const { responses } = runTimeline(model('      - { at: 20s, latency_spike: { component: redis, add: 50ms }, for: 10s }'));
    // get_user: one cache_get on a hit, get + set on a miss; list_users never touches the cache
    const during = latencies(responses, 'get_user', 20.2, 30);
    expect(Math.min(...during)).toBeGreaterThan(0.05);
    expect(mean(latencies(responses, 'list_users', 20.2, 30)) - mean(latencies(responses, 'list_users', 5, 20))).toBeLessThan(0.0005);
  });
});

describe('the schedule is checked against the components it names', () => {
  const errors = (schedule: string) => modelErrors(model(schedule)).join('\n');

  it('names replica and instance numbers that do not exist', () => {
    expect(errors('      - { at: 1s, replica_down: { database: db, replica: 3 }, for: 1s }'))
      .toMatch(/SIM_E_INVALID_VALUE at components\.chaos\.schedule\[0\]\.replica_down\.replica[\s\S]*has 2 replicas[\s\S]*from 1 to 2/);
    expect(errors('      - { at: 1s, crash: app/3 }')).toMatch(/schedule\[0\]\.crash[\s\S]*`app` has 2 instances[\s\S]*app\/1 to app\/2/);
  });

  it('names a wrong target kind, a flush with a duration, and an entry with two kinds or none', () => {
    expect(errors('      - { at: 1s, failover: redis, for: 1s }')).toMatch(/schedule\[0\]\.failover[\s\S]*`redis` is a cache[\s\S]*database/);
    expect(errors('      - { at: 1s, crash: dbx }')).toMatch(/SIM_E_DANGLING_REF[\s\S]*no component named `dbx`/);
    expect(errors('      - { at: 1s, cache_flush: redis, for: 5s }')).toMatch(/instantaneous/);
    expect(errors('      - { at: 1s, cache_flush: redis, failover: db }')).toMatch(/exactly one kind, found 2/);
    expect(errors('      - { at: 1s }')).toMatch(/SIM_E_MISSING_FIELD[\s\S]*needs one of its kinds/);
    expect(errors('      - { at: 1s, crash: "app/0" }')).toMatch(/tier\/number/);
  });
});
