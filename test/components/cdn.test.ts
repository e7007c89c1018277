// cdn: hits answer at the edge with no origin work, misses populate it for the class's TTL,
// failures are not cached, concurrent misses collapse onto one fetch; the hit ratio emerges
// from Zipf popularity and capacity (Che's approximation for LRU) and from the TTL (renewal
// formula λτ/(1+λτ)); the origin offload reported matches what the origin really served.
import { describe, expect, it } from 'vitest';
import { cdn, type Cdn } from '../../src/components/cdn.js';
import type { ComponentReport } from '../../src/components/define.js';
import type { Entry } from '../../src/components/contracts.js';
import { createContext } from '../../src/engine/context.js';
import { constant, exponentialRate } from '../../src/engine/random/continuous.js';
import { zipf } from '../../src/engine/random/zipf.js';
import type { Request, RequestSource } from '../../src/flow/request.js';
import type { Step } from '../../src/flow/step.js';
import { SleepStep } from '../../src/flow/steps/sleep.js';
import { simulate } from '../../src/run/simulate.js';
import { stepOf, testWorld, type TestWorld } from './env.js';
import { modelErrors, modelFromYaml } from './faults/yaml-model.js';

const ENDPOINTS = ['static_asset', 'popular', 'update'];

/** An origin taking `work` seconds per request (a sleep step), or failing with 503. */
function origin(w: TestWorld, work: number, fail = false): Entry & { seen: Request[] } {
  const seen: Request[] = [];
  const steps: Step[] = fail
    ? [{ kind: 'fail', label: 'fail', run: (req, flow) => flow.fail(req, 'dropped', 503) }]
    : [new SleepStep('origin', createContext(w.sim, 'origin-sleep'), constant(work), w.sim.stream('origin'))];
  return { seen, accept: (req) => { seen.push(req); w.flow.start(req, steps); } };
}

function edge(w: TestWorld, fields: Record<string, unknown>, target: Entry): Cdn {
  w.components.set('origin', target);
  const config = cdn.schema.parse({ kind: 'cdn', origin: 'origin', capacity: 1000, ...fields });
  return cdn.build('edge', config, { ...w.env('edge'), endpointIndex: (n) => ENDPOINTS.indexOf(n) });
}

/** A source that records when it heard each response (to check the hand-back). */
function listener(): RequestSource & { heard: number[] } {
  const heard: number[] = [];
  return { heard, onResponse: (req) => heard.push(req.id) };
}

function send(w: TestWorld, entry: Entry, t: number, endpoint: number, asset = 0, source: RequestSource | null = null): void {
  w.sim.schedule(t - w.sim.now, () => {
    const req = w.request(endpoint, [0, asset]);
    req.source = source;
    entry.accept(req);
  }, null);
}

describe('hits, misses and TTL', () => {
  it('a miss goes to the origin and stores the object; a hit answers at the edge; it expires after its TTL', () => {
    const w = testWorld(1);
    const o = origin(w, 0.01);
    const e = edge(w, { cacheable: { static_asset: { ttl: '60s', key: 'item' } }, hit_latency: '2ms' }, o);
    const src = listener();
    for (const t of [0, 1, 30, 60.02]) send(w, e, t, 0, 7, src);
    send(w, e, 2, 0, 8, src); // another asset: its own object
    w.sim.run({ until: 100 });
    expect(w.responses.map((r) => [r.status, r.respondedAt])).toEqual([
      [200, 0.01], [200, 1.002], [200, 2.01], [200, 30.002], [200, 60.03],
    ]);
    expect(o.seen.length).toBe(3);
    // every response reached the request's own source, which is restored on the request
    expect(src.heard.length).toBe(5);
    expect(w.responses.every((r) => r.source === src)).toBe(true);
    const x = e.report(100).extra!;
    expect(x).toMatchObject({ requests: 5, hits: 2, misses: 3, origin_requests: 3, stored: 3, expirations: 1 });
    expect(e.report(100).hitRatio).toBeCloseTo(2 / 5, 12);
    expect(x.origin_offload).toBeCloseTo(2 / 5, 12);
  });

  it('one object per endpoint without a key; endpoints not listed pass through uncached', () => {
    const w = testWorld(1);
    const o = origin(w, 0.005);
    const e = edge(w, { cacheable: { popular: '10s' } }, o);
    for (let k = 0; k < 10; k++) {
      send(w, e, 1 + k, 1, k);
      send(w, e, 1.5 + k, 2, k);
    }
    w.sim.run({ until: 20 });
    expect(o.seen.filter((r) => r.endpoint === 1).length).toBe(1);
    expect(o.seen.filter((r) => r.endpoint === 2).length).toBe(10);
    expect(e.report(20).extra).toMatchObject({ hits: 9, misses: 1, passed: 10, origin_requests: 11 });
    expect(e.report(20).extra!.origin_offload).toBeCloseTo(9 / 20, 12);
  });

  it('errors are not cached: after a 503 the next request fetches again', () => {
    const w = testWorld(1);
    const o = origin(w, 0, true);
    const e = edge(w, { cacheable: { popular: '10s' } }, o);
    send(w, e, 0, 1);
    send(w, e, 1, 1);
    w.sim.run({ until: 5 });
    expect(o.seen.length).toBe(2);
    expect(w.responses.map((r) => r.status)).toEqual([503, 503]);
    expect(e.report(5).extra!.stored).toBe(0);
  });
});

describe('fault hooks', () => {
  it('a flush (purge) empties the edge; a latency spike slows hits and origin trips alike', () => {
    const w = testWorld(1);
    const o = origin(w, 0.01);
    const e = edge(w, { cacheable: { popular: '1h' }, hit_latency: '1ms' }, o);
    send(w, e, 0, 1);
    send(w, e, 1, 1); // hit
    w.sim.schedule(2, () => expect(e.flush()).toBe(1), null);
    send(w, e, 3, 1); // miss again
    w.sim.schedule(4, () => e.addLatency(0.1), null);
    send(w, e, 5, 1); // hit + 100 ms
    send(w, e, 6, 2); // pass-through + 100 ms on the way to the origin
    w.sim.schedule(7, () => e.addLatency(-0.1), null);
    send(w, e, 8, 1);
    w.sim.run({ until: 10 });
    expect(w.responses.map((r) => Math.round((r.respondedAt - r.startedAt) * 1e6) / 1e3)).toEqual([10, 1, 10, 101, 110, 1]);
    expect(o.seen.length).toBe(3);
  });
});

describe('request collapsing', () => {
  it('10 concurrent misses on one object make one origin fetch and are all answered when it lands', () => {
    const w = testWorld(1);
    const o = origin(w, 0.05);
    const e = edge(w, { cacheable: { popular: '10s' } }, o);
    for (let k = 0; k < 10; k++) send(w, e, k * 0.001, 1);
    w.sim.run({ until: 5 });
    expect(o.seen.length).toBe(1);
    expect(w.responses.length).toBe(10);
    expect(w.responses.slice(1).every((r) => r.status === 200 && Math.abs(r.respondedAt - 0.051) < 1e-12)).toBe(true);
    expect(e.report(5).extra).toMatchObject({ misses: 1, collapsed: 9, origin_requests: 1 });
    expect(e.report(5).extra!.origin_offload).toBeCloseTo(0.9, 12);
  });

  it('without collapsing every concurrent miss reaches the origin', () => {
    const w = testWorld(1);
    const o = origin(w, 0.05);
    const e = edge(w, { cacheable: { popular: '10s' }, collapse: false }, o);
    for (let k = 0; k < 10; k++) send(w, e, k * 0.001, 1);
    w.sim.run({ until: 5 });
    expect(o.seen.length).toBe(10);
  });

  it('when the collapsed-on fetch fails, the first waiter fetches for the others', () => {
    const w = testWorld(1);
    let calls = 0;
    const sleep = new SleepStep('origin', createContext(w.sim, 's'), constant(0.05), w.sim.stream('s-draws'));
    const flaky: Entry = {
      accept: (req) => {
        calls++;
        w.flow.start(req, calls === 1 ? [sleep, stepOf('x', () => undefined), { kind: 'fail', label: 'fail', run: (r, f) => f.fail(r, 'dropped', 502) }] : [sleep]);
      },
    };
    const e = edge(w, { cacheable: { popular: '10s' } }, flaky);
    for (let k = 0; k < 4; k++) send(w, e, 0, 1);
    w.sim.run({ until: 5 });
    expect(calls).toBe(2);
    expect(w.responses.map((r) => [r.status, r.respondedAt])).toEqual([[502, 0.05], [200, 0.1], [200, 0.101], [200, 0.101]]);
    expect(e.report(5).extra).toMatchObject({ misses: 2, collapsed: 2, stored: 1 });
  });
});

/** Popularity p_k ∝ k^-s over k = 1..n. */
function zipfProbabilities(s: number, n: number): number[] {
  const w = Array.from({ length: n }, (_, k) => (k + 1) ** -s);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

/** Che's approximation of the LRU hit ratio: solve Σ(1 − e^{−p T}) = C, then Σ p(1 − e^{−p T}). */
function cheLru(p: number[], capacity: number): number {
  const occupancy = (t: number) => p.reduce((s, q) => s - Math.expm1(-q * t), 0);
  let lo = 0;
  let hi = 1;
  while (occupancy(hi) < capacity) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (occupancy(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return p.reduce((s, q) => s - q * Math.expm1(-q * lo), 0);
}

/** Poisson requests for Zipf assets; the edge's report after `n` measured requests. */
function zipfRun(capacity: number, s: number, n: number, fields: Record<string, unknown> = {}): ComponentReport {
  const w = testWorld(5);
  const e = edge(w, { cacheable: { static_asset: { ttl: '1d', key: 'item' } }, capacity, hit_latency: 0, ...fields }, origin(w, 0));
  const keys = zipf(s, 10_000);
  const rng = w.sim.stream('test/keys');
  const gap = exponentialRate(1000);
  let sent = 0;
  const warmup = 50_000;
  const arrive = (): void => {
    if (sent === warmup) e.resetStats(w.sim.now);
    if (sent++ === warmup + n) return;
    e.accept(w.request(0, [0, keys.sample(rng)]));
    w.sim.schedule(gap.sample(rng), arrive, null);
  };
  w.sim.schedule(0, arrive, null);
  w.sim.run();
  return e.report(w.sim.now);
}

describe('the hit ratio emerges', () => {
  it('from Zipf popularity and capacity: LRU matches Che\'s approximation', () => {
    for (const [capacity, s] of [[100, 0.8], [1000, 0.8], [1000, 1.1]] as const) {
      const report = zipfRun(capacity, s, 150_000);
      const expected = cheLru(zipfProbabilities(s, 10_000), capacity);
      expect(Math.abs(report.hitRatio! - expected)).toBeLessThan(0.01);
    }
  });

  it('grows with capacity, and the offload with it', () => {
    const small = zipfRun(100, 0.9, 50_000);
    const large = zipfRun(3000, 0.9, 50_000);
    expect(large.hitRatio!).toBeGreaterThan(small.hitRatio! + 0.2);
    expect(large.extra!.origin_offload).toBeCloseTo(large.hitRatio!, 12); // all requests cacheable, no collapsing at 0 latency
  });

  it('from the TTL: one object under Poisson requests hits λτ/(1+λτ) of the time', () => {
    const w = testWorld(9);
    const e = edge(w, { cacheable: { popular: '0.5s' }, hit_latency: 0 }, origin(w, 0));
    const rng = w.sim.stream('arrivals');
    const gap = exponentialRate(20);
    const arrive = (): void => {
      e.accept(w.request(1));
      if (w.sim.now < 5000) w.sim.schedule(gap.sample(rng), arrive, null);
    };
    w.sim.schedule(0, arrive, null);
    w.sim.run();
    expect(e.report(w.sim.now).hitRatio!).toBeCloseTo(10 / 11, 2);
  });
});

const MODEL = `
name: edge
run: { duration: 60s, warmup: 20s, seed: 2 }
keys:
  asset: { zipf: { s: 1.0, n: 20k } }
  user: { zipf: { s: 1.1, n: 10k } }
components:
  edge:
    kind: cdn
    origin: app
    capacity: 2k
    origin_rtt: 20ms
    price_per_million_requests: 1.0
    cacheable:
      static_asset: { ttl: 1d, key: asset }
      home: 30s
  app:
    kind: app_tier
    instances: 1
    cores: 8
    runtime: workers
    workers: 32
endpoints:
  static_asset: [ { cpu: { constant: 2ms } } ]
  home: [ { cpu: { constant: 5ms } } ]
  profile: [ { cpu: { constant: 3ms } } ]
entry: edge
traffic:
  - { type: open_loop, rate: 500/s, mix: { static_asset: 8, home: 1, profile: 1 } }
`;

describe('in a model run', () => {
  it('the origin serves exactly the misses and pass-throughs; hits are faster than the origin', () => {
    const s = simulate(modelFromYaml(MODEL));
    const x = s.components.find((c) => c.name === 'edge')!.extra!;
    const app = s.components.find((c) => c.name === 'app')!.extra!;
    // equal but for those on the 20 ms edge → origin hop at either end of the window (~100/s × 20 ms)
    expect(Math.abs(app.accepted! - x.origin_requests!)).toBeLessThanOrEqual(10);
    expect(x.origin_offload).toBeGreaterThan(0.5);
    expect(x.origin_offload).toBeLessThan(0.95);
    const ep = (n: string) => s.endpoints.find((e) => e.name === n)!;
    // home is one object: ~1 fetch per 30 s; profile always pays the 20 ms edge↔origin trip
    expect(ep('home').latencyMs.p50!).toBeLessThan(2);
    expect(Math.abs(ep('profile').latencyMs.p50! - 23)).toBeLessThan(0.3); // 20 ms hop + 3 ms CPU
    expect(s.overall.errors).toBe(0);
    expect(s.components.find((c) => c.name === 'edge')!.costPerHour).toBeCloseTo(x.requests! / 60 * 3600 / 1e6, 6);
  });

  it('names a misspelt cacheable endpoint, an unknown key space and a zero TTL', () => {
    expect(modelErrors(MODEL.replace('      home: 30s', '      hoem: 30s')).join('\n'))
      .toMatch(/SIM_E_DANGLING_REF at components\.edge\.cacheable\.hoem[\s\S]*no endpoint named `hoem`/);
    expect(modelErrors(MODEL.replace('key: asset }', 'key: [asset, sku] }')).join('\n'))
      .toMatch(/components\.edge\.cacheable\.static_asset\.key\[1\][\s\S]*key space `sku`/);
    expect(modelErrors(MODEL.replace('home: 30s', 'home: 0')).join('\n')).toMatch(/cacheable\.home[\s\S]*a TTL > 0/);
  });
});
