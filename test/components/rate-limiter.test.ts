// rate_limiter: token-bucket 429s match the bucket's arithmetic exactly; sliding windows
// count exactly; per-client and per-endpoint states are isolated; client memory is bounded;
// through a whole model the 429s are counted under `rate_limited`, and the schema and the
// normalizer name the mistakes.
import { describe, expect, it } from 'vitest';
import { rateLimiter, type RateLimiter } from '../../src/components/rate-limiter.js';
import type { Entry } from '../../src/components/contracts.js';
import type { Request } from '../../src/flow/request.js';
import { simulate } from '../../src/run/simulate.js';
import { testWorld, type TestWorld } from './env.js';
import { modelErrors, modelFromYaml } from './faults/yaml-model.js';

/** An entry that answers 200 at once (an origin with no work), through the runner. */
function origin(w: TestWorld): Entry & { seen: Request[] } {
  const seen: Request[] = [];
  return { seen, accept: (req) => { seen.push(req); w.flow.start(req, []); } };
}

function limiter(w: TestWorld, fields: Record<string, unknown>, target: Entry): RateLimiter {
  w.components.set('origin', target);
  const config = rateLimiter.schema.parse({ kind: 'rate_limiter', target: 'origin', ...fields });
  return rateLimiter.build('limiter', config, w.env('limiter'));
}

/** Send one request per (time, endpoint, user) triple. */
function sendAt(w: TestWorld, entry: Entry, sends: [number, number?, number?][]): void {
  for (const [t, endpoint = 0, user = 0] of sends) {
    w.sim.schedule(t, () => entry.accept(w.request(endpoint, [user])), null);
  }
}

const okTimes = (w: TestWorld): number[] => w.responses.filter((r) => r.status === 200).map((r) => r.respondedAt);
const statusCount = (w: TestWorld, status: number): number => w.responses.filter((r) => r.status === status).length;

describe('token bucket through the component: rate 10/s, burst 5', () => {
  it('100 simultaneous requests → exactly 5 pass at t=0, then exactly 1 per 100 ms', () => {
    const w = testWorld(1);
    const o = origin(w);
    const l = limiter(w, { algorithm: { token_bucket: { rate: '10/s', burst: 5 } } }, o);
    sendAt(w, l, [...Array.from({ length: 100 }, (): [number] => [0]), ...Array.from({ length: 200 }, (_, k): [number] => [(k + 1) * 0.01])]);
    w.sim.run({ until: 3 });
    const times = okTimes(w);
    expect(times.length).toBe(25);
    expect(times.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    times.slice(5).forEach((t, i) => expect(t).toBeCloseTo((i + 1) * 0.1, 9));
    // every refusal is a 429 rate_limited, answered when it arrived
    const refused = w.responses.filter((r) => r.status === 429);
    expect(refused.length).toBe(275);
    expect(refused.every((r) => r.error === 'rate_limited' && r.respondedAt === r.startedAt)).toBe(true);
    expect(l.report(3).extra).toMatchObject({ admitted: 25, rate_limited: 275, tracked: 1 });
    expect(l.report(3).extra!.limited_ratio).toBeCloseTo(275 / 300, 12);
    // the runner's books balance: refusals went through flow.start like any request
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([300, 300, 300]);
  });

  it('a decision overhead delays admitted and refused requests alike', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: { token_bucket: { rate: '1/s', burst: 1 } }, overhead: '2ms' }, origin(w));
    sendAt(w, l, [[0], [0]]);
    w.sim.run({ until: 1 });
    expect(w.responses.map((r) => [r.status, r.respondedAt])).toEqual([[200, 0.002], [429, 0.002]]);
  });
});

describe('sliding windows through the component', () => {
  it('sliding_log limit 3 per second: exact counts per burst', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: { sliding_log: { limit: 3, window: '1s' } } }, origin(w));
    sendAt(w, l, [...Array(10).fill([0]), [0.5], [0.999], ...Array(10).fill([1]), ...Array(10).fill([2.5])]);
    w.sim.run({ until: 5 });
    expect(okTimes(w)).toEqual([0, 0, 0, 1, 1, 1, 2.5, 2.5, 2.5]);
    expect(statusCount(w, 429)).toBe(23);
  });

  it('sliding_window limit 5 per second: the previous window weighs by its overlap', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: { sliding_window: { limit: 5, window: '1s' } } }, origin(w));
    sendAt(w, l, [...Array(20).fill([0]), ...Array(20).fill([1.5])]);
    w.sim.run({ until: 5 });
    expect(okTimes(w)).toEqual([0, 0, 0, 0, 0, 1.5, 1.5]);
  });
});

describe('scopes', () => {
  const bucket = { token_bucket: { rate: '1/s', burst: 5 } };

  it('per_client: one client flooding does not use another client\'s tokens', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: bucket, scope: 'per_client', client_key: 'user' }, origin(w));
    sendAt(w, l, [...Array.from({ length: 100 }, (): [number, number, number] => [0, 0, 1]), [0, 0, 2], [0, 0, 2], [0, 0, 2]]);
    w.sim.run({ until: 0.5 });
    const okBy = (user: number) => w.responses.filter((r) => r.status === 200 && r.keys[0] === user).length;
    expect(okBy(1)).toBe(5);
    expect(okBy(2)).toBe(3);
    expect(l.report(1).extra).toMatchObject({ tracked: 2, rate_limited: 95 });
  });

  it('global: the same traffic shares one bucket', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: bucket }, origin(w));
    sendAt(w, l, [...Array.from({ length: 100 }, (): [number, number, number] => [0, 0, 1]), [0, 0, 2], [0, 0, 2], [0, 0, 2]]);
    w.sim.run({ until: 0.5 });
    expect(statusCount(w, 200)).toBe(5);
  });

  it('per_endpoint: each endpoint has its own bucket', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: bucket, scope: 'per_endpoint' }, origin(w));
    sendAt(w, l, [...Array(50).fill([0, 0]), ...Array(50).fill([0, 1]), ...Array(50).fill([0, 2])]);
    w.sim.run({ until: 0.5 });
    for (const e of [0, 1, 2]) expect(w.responses.filter((r) => r.status === 200 && r.endpoint === e).length).toBe(5);
  });

  it('endpoints: only the listed endpoints are limited; the others pass unjudged', () => {
    const w = testWorld(1);
    w.flows.endpoints.push([], []);
    const config = rateLimiter.schema.parse({ kind: 'rate_limiter', target: 'origin', algorithm: bucket, endpoints: ['login'] });
    w.components.set('origin', origin(w));
    const l = rateLimiter.build('limiter', config, { ...w.env('limiter'), endpointIndex: (n) => ['browse', 'login'].indexOf(n) });
    sendAt(w, l, [...Array(50).fill([0, 0]), ...Array(50).fill([0, 1])]);
    w.sim.run({ until: 0.5 });
    expect(w.responses.filter((r) => r.status === 200 && r.endpoint === 0).length).toBe(50);
    expect(w.responses.filter((r) => r.status === 200 && r.endpoint === 1).length).toBe(5);
    expect(l.report(1).extra).toMatchObject({ exempt: 50, admitted: 5, rate_limited: 45 });
  });

  it('max_clients bounds the memory: the least recently seen client is forgotten and starts afresh', () => {
    const w = testWorld(1);
    const l = limiter(w, { algorithm: { token_bucket: { rate: '1/s', burst: 1 } }, scope: 'per_client', client_key: 'user', max_clients: 2 }, origin(w));
    // client 1 spends its token; clients 2 and 3 push it out; at t=0.1 it has a full bucket again
    sendAt(w, l, [[0, 0, 1], [0, 0, 1], [0.01, 0, 2], [0.02, 0, 3], [0.1, 0, 1], [0.1, 0, 1]]);
    w.sim.run({ until: 0.5 });
    expect(w.responses.map((r) => r.status)).toEqual([200, 429, 200, 200, 200, 429]);
    expect(l.report(1).extra).toMatchObject({ tracked: 2, evicted: 2 });
  });
});

const MODEL = `
name: limited
run: { duration: 60s, warmup: 10s, seed: 3 }
keys:
  user: { zipf: { s: 1.1, n: 1000 } }
components:
  limiter:
    kind: rate_limiter
    target: app
    algorithm: { token_bucket: { rate: 50/s, burst: 10 } }
  app:
    kind: app_tier
    instances: 1
    cores: 4
    runtime: workers
    workers: 8
endpoints:
  browse: [ { cpu: { constant: 5ms } } ]
entry: limiter
traffic:
  - { type: open_loop, rate: 100/s, mix: { browse: 1 } }
`;

describe('in a model run', () => {
  it('429s are counted under rate_limited, as many as the limiter refused, and the bucket bounds the rest', () => {
    const loaded = modelFromYaml(MODEL);
    let limiterOf: RateLimiter | undefined;
    const s = simulate(loaded, { observe: (b) => { limiterOf = b.components.find((c) => c.name === 'limiter') as RateLimiter; } });
    const extra = s.components.find((c) => c.name === 'limiter')!.extra!;
    expect(s.overall.errorsByCause).toEqual({ rate_limited: extra.rate_limited });
    expect(s.overall.byStatus['429']).toBe(extra.rate_limited);
    expect(s.overall.ok).toBe(extra.admitted);
    // over 60 s at 100/s against 50/s: admitted ≤ burst + 50 × 60, and nearly all tokens used
    expect(extra.admitted).toBeLessThanOrEqual(10 + 50 * 60);
    expect(extra.admitted).toBeGreaterThan(0.97 * 50 * 60);
    expect(limiterOf).toBeDefined();
  });

  it('a per_client limit names a missing client_key; an unknown endpoint or key space is a dangling reference', () => {
    const base = MODEL.replace('algorithm: { token_bucket: { rate: 50/s, burst: 10 } }', 'algorithm: { token_bucket: { rate: 50/s, burst: 10 } }\n    scope: per_client');
    expect(modelErrors(base).join('\n')).toMatch(/SIM_E_MISSING_FIELD[\s\S]*scope per_client needs client_key/);
    const badEndpoint = MODEL.replace('target: app', 'target: app\n    endpoints: [brwose]');
    expect(modelErrors(badEndpoint).join('\n')).toMatch(/SIM_E_DANGLING_REF at components\.limiter\.endpoints\[0\][\s\S]*no endpoint named `brwose`[\s\S]*browse/);
    const badSpace = base.replace('scope: per_client', 'scope: per_client\n    client_key: usr');
    expect(modelErrors(badSpace).join('\n')).toMatch(/SIM_E_DANGLING_REF[\s\S]*key space `usr`/);
    const zeroRate = MODEL.replace('rate: 50/s, burst', 'rate: 0, burst');
    expect(modelErrors(zeroRate).join('\n')).toMatch(/algorithm\.token_bucket\.rate[\s\S]*a rate > 0/);
    const twoAlgorithms = MODEL.replace('algorithm: { token_bucket: { rate: 50/s, burst: 10 } }', 'algorithm: { token_bucket: { rate: 50/s, burst: 10 }, sliding_log: { limit: 1, window: 1s } }');
    expect(modelErrors(twoAlgorithms).join('\n')).toMatch(/exactly one kind/);
  });
});
