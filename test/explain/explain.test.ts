// explainModel against theory worked by hand: Erlang C for the shipped M/M/4, exact MVA for
// a closed network of stations, and a small stack (event loop + database, open loop) whose
// utilisations, bottleneck, ceiling, latency and connection needs are computed below.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mmc, mva } from '../../src/analytic/index.js';
import { explainModel } from '../../src/explain/index.js';
import { loadModel } from '../../src/run/load-model.js';
import { loadText } from './helpers.js';

const models = join(import.meta.dirname, '../../models');
const row = (e: ReturnType<typeof explainModel>, id: string) => e.resources.find((r) => r.id === id)!;

describe('explain: M/M/c (models/mmc.yaml: c = 4, λ = 3.6/s, E[S] = 1 s)', () => {
  const e = explainModel(loadModel(join(models, 'mmc.yaml')));

  it('finds utilisation 0.9 at q, the bottleneck, and a ceiling of 4 req/s', () => {
    expect(row(e, 'q').utilisation).toBeCloseTo(0.9, 12);
    expect(e.bottleneck?.resource).toBe('q');
    expect(e.maxThroughput?.requestsPerSecond).toBeCloseTo(4, 12);
    expect(e.maxThroughput?.limitedBy).toBe('q');
  });

  it('gives Erlang C\'s mean response, 2.9694 s', () => {
    const W = mmc({ lambda: 3.6, mu: 1, c: 4 }).W;
    expect(W).toBeCloseTo(2.9694, 4);
    expect(e.endpoints[0]!.latencyMs! / 1000).toBeCloseTo(W, 12);
    expect(e.responseMs! / 1000).toBeCloseTo(W, 12);
    expect(e.endpoints[0]!.formula).toContain('Erlang C');
  });
});

const stations = `
name: closed-stations
run: { duration: 1h, warmup: 5m, seed: 1 }
components:
  a: { kind: station, servers: 1, service: { exponential: { mean: 50ms } } }
  b: { kind: station, servers: 2, service: { exponential: { mean: 120ms } } }
endpoints:
  job:
    - visit: a
    - visit: b
    - visit: a
traffic:
  - type: closed_loop
    users: 10
    wait_time: { exponential: { mean: 1s } }
    tasks: { job: 1 }
`;

describe('explain: a closed loop of stations', () => {
  it('agrees with exact MVA (N = 10, Z = 1 s; D_a = 2 × 50 ms on 1 server, D_b = 120 ms on 2)', () => {
    const e = explainModel(loadText(stations));
    const m = mva({ N: 10, Z: 1, stations: [{ kind: 'queue', demand: 0.1, servers: 1 }, { kind: 'queue', demand: 0.12, servers: 2 }] });
    expect(e.throughput).toBeCloseTo(m.X, 12);
    expect(e.responseMs! / 1000).toBeCloseTo(m.R, 12);
    expect(e.endpoints[0]!.latencyMs! / 1000).toBeCloseTo(m.R, 12);
    expect(row(e, 'a').utilisation).toBeCloseTo(m.stations[0]!.U, 12);
    expect(row(e, 'b').utilisation).toBeCloseTo(m.stations[1]!.U, 12);
    expect(row(e, 'a').residenceMsPerRequest! / 1000).toBeCloseTo(m.stations[0]!.R, 12);
    expect(e.bottleneck?.resource).toBe('a');
    expect(e.method).toContain('exact MVA');
  });
});

// get_user: 1 ms + 0.1 ms × log2(1024) + 0.5 ms = 2.5 ms; insert_user: 1 + 0.5 + 2 + 0.5 = 4 ms
const stack = `
name: small-stack
run: { duration: 10m, warmup: 1m, seed: 1 }
network: { rtt: 1ms }
components:
  app: { kind: app_tier, runtime: event_loop, instances: 1, cores: 1, pool: pool }
  pool: { kind: connection_pool, database: db, size: 5, max_overflow: 0, hold: query }
  db:
    kind: database
    cores: 1
    tables: { users: { rows: 1024 } }
    costs: { base: 1ms, per_level: 0.1ms, per_row: 0.5ms, write_base: 2ms, per_index: 0.5ms, cv: 0 }
    queries:
      get_user: { table: users, lookup: pk }
      insert_user: { table: users, write: true }
endpoints:
  read:
    - cpu: { constant: 3ms }
    - db: get_user
    - cpu: { exponential: { mean: 1ms } }
  write:
    - cpu: { constant: 2ms }
    - db: { query: insert_user, repeat: 2 }
traffic:
  - type: open_loop
    rate: 100/s
    mix: { read: 3, write: 1 }
`;

describe('explain: a small stack worked by hand (event loop + database, 100 req/s, read:write = 3:1)', () => {
  const e = explainModel(loadText(stack));
  const dApp = 0.75 * 4e-3 + 0.25 * 2e-3; // 3.5 ms of CPU per request
  const dDb = 0.75 * 2.5e-3 + 0.25 * 2 * 4e-3; // 3.875 ms of database CPU per request

  it('utilisations are X·D/c on each resource', () => {
    expect(row(e, 'app/cpu').utilisation).toBeCloseTo(100 * dApp, 12);
    expect(row(e, 'db/primary').utilisation).toBeCloseTo(100 * dDb, 12);
    expect(row(e, 'db/primary').demandMsPerRequest).toBeCloseTo(dDb * 1000, 10);
  });

  it('names the database the bottleneck and X_max = min c/D', () => {
    expect(e.bottleneck?.resource).toBe('db/primary');
    expect(e.maxThroughput?.requestsPerSecond).toBeCloseTo(Math.min(1 / dApp, 1 / dDb), 9);
    expect(e.maxThroughput?.limitedBy).toBe('db/primary');
    expect(e.bottleneck?.sentence).toMatch(/saturates at ~258 req\/s of this mix; you offer 100/);
  });

  it('latency: M/G/1 for the event loop\'s CPU bursts, M/G/1-PS for the database, plus round trips', () => {
    // bursts: 75/s of 3 ms, 75/s of Exp(1 ms), 25/s of 2 ms
    const rate = 175;
    const second = (75 * 9e-6 + 75 * 2e-6 + 25 * 4e-6) / rate;
    const wq = (rate * second) / (2 * (1 - 100 * dApp));
    const stretch = 1 / (1 - 100 * dDb);
    const read = 2 * wq + 4e-3 + 2.5e-3 * stretch + 1e-3;
    const write = wq + 2e-3 + 2 * 4e-3 * stretch + 2e-3;
    const [r, w] = e.endpoints;
    expect(r!.latencyMs! / 1000).toBeCloseTo(read, 12);
    expect(w!.latencyMs! / 1000).toBeCloseTo(write, 12);
    expect(r!.formula).toContain('M/G/1 (Pollaczek–Khinchine)');
    expect(r!.formula).toContain('M/G/1-PS');
  });

  it('connections in use by Little\'s law: λ × time in db steps (hold: query)', () => {
    const stretch = 1 / (1 - 100 * dDb);
    const hold = 0.75 * (2.5e-3 * stretch + 1e-3) + 0.25 * 2 * (4e-3 * stretch + 1e-3);
    const pool = e.pools.find((p) => p.name === 'pool')!;
    expect(pool.holdMs! / 1000).toBeCloseTo(hold, 12);
    expect(pool.inUse).toBeCloseTo(100 * hold, 10);
    expect(pool.verdict).toBe('ok');
  });
});

describe('explain: an overloaded open loop', () => {
  const e = explainModel(loadText(stations.replace(/- type: closed_loop[\s\S]*/, '- type: open_loop\n    rate: 12/s\n    mix: { job: 1 }\n')));

  it('says the queue grows without bound instead of giving a number, and leaks no NaN', () => {
    expect(row(e, 'a').utilisation).toBeCloseTo(1.2, 12);
    expect(row(e, 'a').verdict).toBe('overloaded');
    expect(e.endpoints[0]!.latencyMs).toBeNull();
    expect(e.endpoints[0]!.formula).toBe('unstable: the queue at a grows without bound');
    expect(e.responseMs).toBeNull();
    expect(e.warnings.join('\n')).toContain('a is overloaded (U = 1.20)');
    expect(JSON.stringify(e)).not.toMatch(/NaN|Infinity|undefined/);
  });
});

const oneWorker = (cpu: string, traffic: string) => `
name: one-worker
run: { duration: 10m, warmup: 1m, seed: 1 }
components:
  app: { kind: app_tier, runtime: workers, workers: 1, cores: 1 }
endpoints:
  job:
    - cpu: ${cpu}
traffic:
${traffic}
`;

describe('explain: requests queueing for a worker', () => {
  const open = '  - { type: open_loop, rate: 50/s, mix: { job: 1 } }';

  it('one worker, constant 10 ms, 50/s: the worker queue is M/D/1 (P-K wait 5 ms)', () => {
    const e = explainModel(loadText(oneWorker('{ constant: 10ms }', open)));
    expect(e.endpoints[0]!.latencyMs! / 1000).toBeCloseTo(0.01 + (50 * 0.01 ** 2) / (2 * (1 - 0.5)), 12);
    expect(row(e, 'app/workers').utilisation).toBeCloseTo(0.5, 12);
    expect(e.method).toContain('flow-equivalent server');
  });

  it('one worker, exponential 10 ms, 50/s: M/M/1, W = S/(1 − ρ) = 20 ms', () => {
    const e = explainModel(loadText(oneWorker('{ exponential: { mean: 10ms } }', open)));
    expect(e.endpoints[0]!.latencyMs! / 1000).toBeCloseTo(0.02, 12);
  });

  it('closed loop: 5 users with one worker is the machine-repairman model, exact MVA', () => {
    const users = '  - { type: closed_loop, users: 5, wait_time: { exponential: { mean: 100ms } }, tasks: { job: 1 } }';
    const e = explainModel(loadText(oneWorker('{ exponential: { mean: 20ms } }', users)));
    const m = mva({ N: 5, Z: 0.1, stations: [{ kind: 'queue', demand: 0.02, servers: 1 }] });
    expect(e.throughput).toBeCloseTo(m.X, 10);
    expect(e.responseMs! / 1000).toBeCloseTo(m.R, 10);
    expect(e.endpoints[0]!.latencyMs! / 1000).toBeCloseTo(m.R, 10);
  });

  it('open loop above what the worker gets through: unstable, no number', () => {
    const e = explainModel(loadText(oneWorker('{ constant: 10ms }', '  - { type: open_loop, rate: 120/s, mix: { job: 1 } }')));
    expect(row(e, 'app/workers').verdict).toBe('overloaded');
    expect(e.endpoints[0]!.latencyMs).toBeNull();
    expect(e.bottleneck?.sentence).toContain('the queue grows without bound');
  });
});
