/**
 * Key movement between two shard maps (before and after a resharding): a key moves when the
 * name of its shard changes. Counted exactly over keys lo..hi, or over an even stride of
 * at most `limit` of them when the range is larger (a deterministic sample).
 */
import type { ShardMap } from './shard-map.js';

export interface Movement {
  /** Keys examined. */
  readonly keys: number;
  /** Of those, keys whose shard changed. */
  readonly moved: number;
  /** moved / keys (0 when no key was examined). */
  readonly fraction: number;
  /** Moved keys by the name of the shard they move to. */
  readonly into: Readonly<Record<string, number>>;
}

export function moves(before: ShardMap, after: ShardMap, key: number): boolean {
  return before.names[before.shardOf(key)] !== after.names[after.shardOf(key)];
}

export function movement(before: ShardMap, after: ShardMap, lo: number, hi: number, limit = 2_000_000): Movement {
  const span = hi - lo + 1;
  if (!(span >= 0) || !Number.isFinite(span)) throw new RangeError(`movement: bad key range ${lo}..${hi}`);
  const step = span > limit ? span / limit : 1;
  const count = Math.min(span, limit);
  const into = new Map<number, number>();
  let moved = 0;
  for (let i = 0; i < count; i++) {
    const key = lo + Math.floor(i * step);
    const to = after.shardOf(key);
    if (before.names[before.shardOf(key)] === after.names[to]) continue;
    moved++;
    into.set(to, (into.get(to) ?? 0) + 1);
  }
  const byName: Record<string, number> = {};
  for (const [to, n] of [...into].sort((a, b) => a[0] - b[0])) byName[after.names[to]!] = n;
  return { keys: count, moved, fraction: count > 0 ? moved / count : 0, into: byName };
}
