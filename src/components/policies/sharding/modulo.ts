/**
 * Modulo sharding: shard = murmur3(key) mod N. Simple and even, but N is in the formula:
 * going from N to N+1 shards keeps a key only when both residues agree, so about
 * N/(N+1) of all keys move — the classic reason to prefer consistent hashing.
 */
import { murmur3Key } from './murmur3.js';
import { checkNames, type ShardMap } from './shard-map.js';

export function moduloMap(names: readonly string[]): ShardMap {
  checkNames('modulo', names);
  const n = names.length;
  return {
    policy: 'modulo',
    names: [...names],
    shardOf: (key) => murmur3Key(key) % n,
  };
}
