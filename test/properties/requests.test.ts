// fast-check over random web stacks: every request is answered exactly once (success or a
// counted error), resources are released, and the run is deterministic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseYamlText } from '../../src/model/load.js';
import { loadModelDocument } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';
import type { Request } from '../../src/flow/request.js';

const stack = fc.record({
  instances: fc.integer({ min: 1, max: 3 }),
  runtime: fc.constantFrom('event_loop', 'workers', 'threads'),
  workers: fc.integer({ min: 1, max: 4 }),
  acceptQueue: fc.integer({ min: 1, max: 20 }),
  timeoutMs: fc.integer({ min: 20, max: 2000 }),
  poolSize: fc.integer({ min: 1, max: 3 }),
  overflow: fc.integer({ min: 0, max: 2 }),
  acquireMs: fc.integer({ min: 5, max: 500 }),
  hold: fc.constantFrom('request', 'query'),
  capacity: fc.integer({ min: 1, max: 50 }),
  rate: fc.integer({ min: 5, max: 400 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Params = typeof stack extends fc.Arbitrary<infer T> ? T : never;

function model(p: Params): string {
  const slots = p.runtime === 'workers' ? `workers: ${p.workers}, ` : p.runtime === 'threads' ? `threads: ${p.workers}, ` : '';
  return `
name: prop
keys: { user: { zipf: { s: 1.1, n: 500 } } }
components:
  app: { kind: app_tier, instances: ${p.instances}, runtime: ${p.runtime}, ${slots}cores: 1, accept_queue: ${p.acceptQueue}, request_timeout: ${p.timeoutMs}ms, pool: pool }
  pool: { kind: connection_pool, database: db, size: ${p.poolSize}, max_overflow: ${p.overflow}, acquire_timeout: ${p.acquireMs}ms, hold: ${p.hold} }
  cache: { kind: cache, capacity: ${p.capacity}, ttl: 2s }
  db:
    kind: database
    cores: 1
    max_connections: 4
    tables: { users: { rows: 100k } }
    queries:
      get: { table: users, lookup: pk }
      put: { table: users, lookup: pk, write: true }
endpoints:
  read:
    - cpu: { exponential: { mean: 2ms } }
    - cache_get: { cache: cache, key: "u:{user}", on_miss: [ { db: get }, { cache_set: { cache: cache, key: "u:{user}" } } ] }
  write:
    - cpu: { exponential: { mean: 3ms } }
    - db: { query: put, repeat: 2 }
    - cache_delete: { cache: cache, key: "u:{user}" }
traffic:
  - type: open_loop
    rate: ${p.rate}/s
    mix: { read: 4, write: 1 }
`;
}

describe('request conservation on random stacks', () => {
  it('every request is answered exactly once and the run is deterministic', () => {
    fc.assert(
      fc.property(stack, (p) => {
        const doc = parseYamlText(model(p), 'prop.yaml');
        if (!doc.ok) throw doc.errors;
        const loaded = loadModelDocument(doc.value);
        const answered = new Map<number, number>();
        const a = simulate(loaded, {
          seed: p.seed,
          duration: 5,
          warmup: 0,
          observe: (built) => {
            built.flow.addResponseListener((r: Request) => {
              answered.set(r.id, (answered.get(r.id) ?? 0) + 1);
            });
          },
        });
        expect([...answered.values()].every((n) => n === 1)).toBe(true);
        expect(a.requests.responded).toBe(answered.size);
        expect(a.requests.started).toBe(a.requests.responded + a.requests.inFlight);
        const ok = a.overall.ok;
        const errors = Object.values(a.overall.errorsByCause).reduce((s, n) => s + n, 0);
        expect(ok + errors).toBe(a.overall.count);
        const b = simulate(loaded, { seed: p.seed, duration: 5, warmup: 0 });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 40 },
    );
  });
});
