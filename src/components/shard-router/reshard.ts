/**
 * A resharding event: at `at` the router switches to the new shard map. Keys 1..keys are
 * compared under both maps (exactly, or an even sample beyond two million) to report the
 * fraction that moved; the migration copies the moved rows in the background; and the
 * first query of each moved key on its new shard pays a cold read, since that shard's
 * buffer cache has never held the row; caches listed in `flush` are emptied. Routing
 * switches at once (no dual reads): a model of the load a resharding causes, not of a
 * migration protocol.
 */
import type { SimContext } from '../../engine/types.js';
import type { QueryPlan } from '../contracts.js';
import { movement, type Movement, type ShardMap } from '../policies/sharding/index.js';
import { Migration } from './migration.js';
import type { ShardRouter } from './runtime.js';

export interface ReshardSpec {
  readonly at: number;
  readonly next: ShardMap;
  /** Keys 1..keys held across the shards. */
  readonly keys: number;
  /** Seconds added to the first query of each moved key on its new shard (0: none). */
  readonly coldRead: number;
  /** The copy queries by global shard index, and rows per second; null for no migration. */
  readonly copy: { readonly read: readonly QueryPlan[]; readonly write: readonly QueryPlan[]; readonly rate: number } | null;
  /** Slots of a copied row's keys array (see MigrationPlan.keySlots). */
  readonly keySlots: number;
  /** Caches emptied at the change. */
  readonly flush: readonly Flushable[];
}

/** What `reshard.flush` needs of a cache. */
export interface Flushable {
  flush(): number;
}

export class Resharding {
  /** The map before the change (kept to tell moved keys), and both maps' global shard indices. */
  readonly before: ShardMap;
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  done = false;
  movement: Movement | null = null;
  migration: Migration | null = null;
  /** Moved keys already queried on their new shard: no longer cold. */
  private readonly warm = new Set<number>();
  /** Distinct moved keys queried since the change. */
  coldKeys = 0;
  /** Entries dropped from the flushed caches. */
  flushed = 0;

  constructor(private readonly ctx: SimContext, private readonly router: ShardRouter, readonly spec: ReshardSpec) {
    this.before = router.map;
    this.from = router.globalIndices(this.before);
    this.to = router.globalIndices(spec.next);
    ctx.schedule(Math.max(0, spec.at - ctx.now), this.apply, null);
  }

  get coldRead(): number {
    return this.spec.coldRead;
  }

  /** 0: `key` did not move; 1: it moved and its new shard has seen it; 2: first time (cold). */
  touch(key: number): number {
    if (this.shardBefore(key) === this.shardAfter(key)) return 0;
    if (this.warm.has(key)) return 1;
    this.warm.add(key);
    this.coldKeys++;
    return this.spec.coldRead > 0 ? 2 : 1;
  }

  /** The global shard of `key` before and after the change. */
  readonly shardBefore = (key: number): number => this.from[this.before.shardOf(key)]!;
  readonly shardAfter = (key: number): number => this.to[this.spec.next.shardOf(key)]!;

  resetStats(): void {
    this.coldKeys = 0;
  }

  private readonly apply = (): void => {
    const { next, keys, copy } = this.spec;
    this.movement = movement(this.before, next, 1, keys);
    this.router.swap(next);
    this.done = true;
    for (const cache of this.spec.flush) this.flushed += cache.flush();
    if (copy === null) return;
    const router = this.router;
    this.migration = new Migration(this.ctx, {
      shards: router.settings.shards,
      read: copy.read,
      write: copy.write,
      rate: copy.rate,
      keys,
      space: router.settings.space,
      keySlots: this.spec.keySlots,
      before: this.shardBefore,
      after: this.shardAfter,
    });
    this.migration.start();
  };
}
