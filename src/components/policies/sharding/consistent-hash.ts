/**
 * Consistent hashing (Karger et al. 1997) with virtual nodes: each shard owns `vnodes`
 * points on a 32-bit ring, at murmur3("<shard>#<v>"); a key goes to the first point at or
 * after murmur3(key), wrapping past the top. A new shard only takes over arcs, so about
 * 1/(N+1) of the keys move, all of them to it; more virtual nodes even out the arcs
 * (the spread of a shard's share falls like 1/√vnodes).
 */
import { murmur3Key, murmur3Text } from './murmur3.js';
import { checkNames, type ShardMap } from './shard-map.js';

export function consistentHashMap(names: readonly string[], vnodes: number): ShardMap {
  checkNames('consistent_hash', names);
  if (!Number.isSafeInteger(vnodes) || vnodes < 1) throw new RangeError(`consistent_hash: vnodes must be a whole number >= 1 (got ${vnodes})`);
  const points: { at: number; shard: number }[] = [];
  names.forEach((name, shard) => {
    for (let v = 0; v < vnodes; v++) points.push({ at: murmur3Text(`${name}#${v}`), shard });
  });
  // ties (vanishingly rare) go to the shard whose name sorts first, so order of listing never matters
  points.sort((a, b) => a.at - b.at || (names[a.shard]! < names[b.shard]! ? -1 : 1));
  const ring = Float64Array.from(points, (p) => p.at);
  const owner = Int32Array.from(points, (p) => p.shard);
  return {
    policy: 'consistent_hash',
    names: [...names],
    shardOf: (key) => {
      const h = murmur3Key(key);
      let lo = 0;
      let hi = ring.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (ring[mid]! < h) lo = mid + 1;
        else hi = mid;
      }
      return owner[lo === ring.length ? 0 : lo]!;
    },
  };
}
