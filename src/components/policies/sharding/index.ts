/**
 * Shard-routing policies the model can name, and the factory the shard router uses.
 * Adding one: a file here returning a ShardMap, plus a line in each list below.
 */
import { consistentHashMap } from './consistent-hash.js';
import { moduloMap } from './modulo.js';
import { rangeMap } from './range.js';
import type { ShardMap } from './shard-map.js';

export type { ShardMap } from './shard-map.js';
export { consistentHashMap, moduloMap, rangeMap };
export { evenBoundaries } from './range.js';
export { movement, moves, type Movement } from './moved.js';
export { murmur3, murmur3Key, murmur3Text } from './murmur3.js';

export const SHARD_POLICIES = ['modulo', 'range', 'consistent_hash'] as const;
export type ShardPolicyName = (typeof SHARD_POLICIES)[number];

export interface ShardPolicyOptions {
  /** consistent_hash: points per shard on the ring. */
  readonly vnodes: number;
  /** range: N−1 ascending boundaries for N shards. */
  readonly boundaries: readonly number[];
}

export function shardMap(policy: ShardPolicyName, names: readonly string[], options: ShardPolicyOptions): ShardMap {
  switch (policy) {
    case 'modulo': return moduloMap(names);
    case 'range': return rangeMap(names, options.boundaries);
    case 'consistent_hash': return consistentHashMap(names, options.vnodes);
  }
}
