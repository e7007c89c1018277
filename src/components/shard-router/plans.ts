/**
 * A query as the shard router compiles it: the catalogue entry of every shard (initial and
 * added), by global shard index, so routing picks a plan without a lookup. The shards are
 * meant to share one catalogue; a shard lacking the query is a configuration error.
 */
import type { Database, QueryPlan } from '../contracts.js';

export interface RouterPlan extends QueryPlan {
  /** The plan of each shard, by global shard index. */
  readonly perShard: readonly QueryPlan[];
}

export function routerPlan(router: string, name: string, shards: readonly Database[], shardNames: readonly string[]): RouterPlan {
  const perShard = shards.map((db, i) => {
    try {
      return db.plan(name);
    } catch {
      throw new Error(`shard_router ${router}: shard ${shardNames[i]} has no query \`${name}\` (every shard needs the same catalogue)`);
    }
  });
  const first = perShard[0]!;
  return { name, write: first.write, keySpace: first.keySpace, perShard };
}
