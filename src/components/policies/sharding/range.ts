/**
 * Range sharding: N−1 ascending boundaries split the key values into N contiguous ranges;
 * shard i holds [boundary[i−1], boundary[i]). Ranges keep neighbouring keys together (range
 * scans hit one shard) but concentrate a hot range on one shard; moving a boundary moves
 * exactly the keys between its old and new position.
 */
import { checkNames, type ShardMap } from './shard-map.js';

export function rangeMap(names: readonly string[], boundaries: readonly number[]): ShardMap {
  checkNames('range', names);
  if (boundaries.length !== names.length - 1) {
    throw new RangeError(`range: ${names.length} shards need ${names.length - 1} boundaries (got ${boundaries.length})`);
  }
  for (let i = 1; i < boundaries.length; i++) {
    if (!(boundaries[i]! > boundaries[i - 1]!)) throw new RangeError(`range: boundaries must increase (got ${boundaries.join(', ')})`);
  }
  const bounds = Float64Array.from(boundaries);
  return {
    policy: 'range',
    names: [...names],
    // the number of boundaries <= key is the shard: a binary search over the sorted bounds
    shardOf: (key) => {
      let lo = 0;
      let hi = bounds.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (bounds[mid]! <= key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/** Boundaries splitting keys 1..n into `shards` ranges of (nearly) equal size. */
export function evenBoundaries(n: number, shards: number): number[] {
  return Array.from({ length: shards - 1 }, (_, i) => 1 + Math.round(((i + 1) * n) / shards));
}
