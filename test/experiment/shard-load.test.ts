import { describe, expect, it } from 'vitest';
import type { ComponentReport } from '../../src/components/define.js';
import { shardLoads } from '../../src/experiment/shard-load.js';

const router = (q: [number, number], u: [number, number], hot: number): ComponentReport => ({
  name: 'users', kind: 'shard_router', costPerHour: 0,
  extra: { queries: q[0] + q[1], shards: 2, shard_users_1_queries: q[0], shard_users_1_utilisation: u[0], shard_users_2_queries: q[1], shard_users_2_utilisation: u[1], hot_to_mean: hot },
});
const db: ComponentReport = { name: 'db', kind: 'database', costPerHour: 1, utilisation: 0.5 };

describe('shardLoads', () => {
  it('is null without a shard router', () => {
    expect(shardLoads([[db], [db]])).toBeNull();
  });

  it('averages each shard over replications; share is of the router\'s per-shard total', () => {
    const out = shardLoads([[db, router([300, 100], [0.3, 0.1], 1.5)], [db, router([100, 100], [0.5, 0.3], 1)]])!;
    expect(out.shards).toEqual([
      { router: 'users', name: 'users_1', utilisation: 0.4, share: 0.625 },
      { router: 'users', name: 'users_2', utilisation: 0.2, share: 0.375 },
    ]);
    expect(out.hotToMean).toBe(1.25);
  });
});
