// The shipped sharded model through the whole pipeline: growing from 3 to 4 shards moves
// about 1/4 of the keys with consistent hashing and about 3/4 with modulo (same model, the
// policy switched), queries of moved users follow, and the migration copies moved rows.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readDocument } from '../../src/model/load.js';
import { loadModelDocument } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

const file = join(import.meta.dirname, '../../models/sharded.yaml');

/** Run the model to 10s past its resharding, moved to 20s to keep the test short, with the
 * router's policy switched if asked. */
function routerAfterReshard(policy?: 'modulo') {
  const doc = readDocument(file);
  if (!doc.ok) throw doc.errors;
  const data = structuredClone(doc.value.data) as { components: { users: Record<string, any> } };
  data.components.users.reshard.at = '20s';
  if (policy !== undefined) {
    data.components.users.policy = policy;
    delete data.components.users.vnodes;
  }
  const summary = simulate(loadModelDocument({ ...doc.value, data }), { warmup: 0, duration: 30 });
  return summary.components.find((c) => c.kind === 'shard_router')!.extra!;
}

describe('resharding 3 → 4 shards (models/sharded.yaml)', () => {
  it('consistent hashing moves about 1/(N+1) = 1/4 of the keys', () => {
    const r = routerAfterReshard();
    expect(r.keys_examined).toBe(1_000_000);
    expect(Math.abs(r.moved_fraction! - 0.25)).toBeLessThan(0.03);
    // queries follow popularity, not key counts, but a quarter of a Zipf's mass is near a quarter too
    expect(r.moved_query_fraction).toBeGreaterThan(0.1);
    expect(r.moved_query_fraction).toBeLessThan(0.4);
    expect(r.shard_users_4_queries).toBeGreaterThan(0);
    expect(r.cold_reads).toBeGreaterThan(0);
    // 10s of copying at 2,000 rows/s
    expect(Math.abs(r.migration_rows_copied! - 20_000)).toBeLessThanOrEqual(10);
  });

  it('modulo moves about N/(N+1) = 3/4', () => {
    const r = routerAfterReshard('modulo');
    expect(Math.abs(r.moved_fraction! - 0.75)).toBeLessThan(0.005);
    expect(r.moved_query_fraction).toBeGreaterThan(0.6);
  });
});
