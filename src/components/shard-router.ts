/**
 * The `shard_router` component: N database shards behind one `Database`, so `db` steps name
 * the router (`db: { query: get_user, database: users }`). A query whose row key is the
 * routing key space goes to one shard (modulo, range or consistent hashing — policies in
 * policies/sharding/); any other query scatters to every shard and waits for the slowest.
 * A `reshard` event adds or removes a shard mid-run: see shard-router/reshard.ts. A
 * connection_pool may name the router: each pooled connection holds one on every shard.
 */
import type { Database } from './contracts.js';
import { optionalSpace } from './database/plans.js';
import { defineComponent, type BuildEnv, type ComponentRef } from './define.js';
import { shardMap, type ShardPolicyOptions } from './policies/sharding/index.js';
import { routerPlan } from './shard-router/plans.js';
import type { Flushable, ReshardSpec } from './shard-router/reshard.js';
import { ShardRouter } from './shard-router/runtime.js';
import { DEFAULT_COLD_READ, DEFAULT_VNODES, shardRouterSchema, type ShardRouterConfig } from './shard-router/schema.js';

export type { ShardRouterConfig } from './shard-router/schema.js';
export { ShardRouter } from './shard-router/runtime.js';

export const shardRouter = defineComponent({
  kind: 'shard_router',
  summary: 'Database shards behind one router: modulo, range or consistent hashing by key, scatter-gather, resharding with migration.',
  schema: shardRouterSchema,
  refs: (c: ShardRouterConfig): ComponentRef[] => [
    ...c.shards.map((name, i) => ({ path: ['shards', i], name, kinds: ['database'] })),
    ...(c.reshard?.add !== undefined ? [{ path: ['reshard', 'add'], name: c.reshard.add, kinds: ['database'] }] : []),
    ...(c.reshard?.flush ?? []).map((name, i) => ({ path: ['reshard', 'flush', i], name, kinds: ['cache'] })),
  ],
  keySpaces: (c: ShardRouterConfig) => [{ path: ['key'], name: c.key }],
  build(name: string, config: ShardRouterConfig, env: BuildEnv) {
    const add = config.reshard?.add;
    const names = add === undefined ? [...config.shards] : [...config.shards, add];
    const shards = names.map((n) => env.lookup<Database>(n));
    const options = (boundaries: readonly number[] | undefined): ShardPolicyOptions => ({ vnodes: config.vnodes ?? DEFAULT_VNODES, boundaries: boundaries ?? [] });
    const space = env.keySpaceIndex(config.key);
    return new ShardRouter(name, env.ctx, {
      shards,
      names,
      map: shardMap(config.policy, config.shards, options(config.boundaries)),
      space,
    }, reshardSpec(name, config, names, shards, space, env, options));
  },
});

function reshardSpec(
  router: string, config: ShardRouterConfig, names: string[], shards: Database[], space: number, env: BuildEnv,
  options: (b: readonly number[] | undefined) => ShardPolicyOptions,
): ReshardSpec | null {
  const r = config.reshard;
  if (r === undefined) return null;
  const after = r.add !== undefined ? [...config.shards, r.add] : config.shards.filter((s) => s !== r.remove);
  const plans = (query: string) => routerPlan(router, query, shards, names).perShard;
  return {
    at: r.at,
    next: shardMap(config.policy, after, options(r.boundaries)),
    keys: r.keys,
    coldRead: r.cold_read ?? DEFAULT_COLD_READ,
    copy: r.copy === undefined ? null : { read: plans(r.copy.read), write: plans(r.copy.write), rate: r.copy.rate },
    keySlots: 1 + Math.max(space, optionalSpace('user', env.keySpaceIndex)),
    flush: (r.flush ?? []).map((cache) => flushable(router, cache, env)),
  };
}

/** A cache's flush hook (cache.ts: empties the store, returns the entries dropped). */
function flushable(router: string, cache: string, env: BuildEnv): Flushable {
  const c = env.lookup<Partial<Flushable>>(cache);
  if (typeof c.flush !== 'function') throw new Error(`shard_router ${router}: reshard.flush names ${cache}, which cannot be flushed`);
  return c as Flushable;
}
