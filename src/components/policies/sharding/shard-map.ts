/**
 * The shard-routing contract: a ShardMap names its shards and sends each key to one of
 * them. Maps are immutable values built once (and again at a resharding), so comparing the
 * map before and after tells exactly which keys move. Routing is by shard *name*: adding
 * db4 to [db1, db2, db3] appends it, removing db2 drops it, and a key "stays" when its
 * shard's name is the same in both maps.
 */

export interface ShardMap {
  /** The policy's name (modulo, range, consistent_hash), for reports. */
  readonly policy: string;
  /** Shard names; `shardOf` returns an index into this list. */
  readonly names: readonly string[];
  /** The shard holding `key` (a whole number in [0, 2^32)). */
  shardOf(key: number): number;
}

/** Throws on an empty or duplicated shard list: both are configuration bugs caught earlier. */
export function checkNames(policy: string, names: readonly string[]): void {
  if (names.length === 0) throw new RangeError(`${policy}: at least one shard is needed`);
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new RangeError(`${policy}: shard ${n} is listed twice`);
    seen.add(n);
  }
}
