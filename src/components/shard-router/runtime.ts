/**
 * A built shard router: a `Database` that forwards each query to the shard its key maps to,
 * or to every shard (scatter-gather) when the query's row key is not the routing key. It
 * counts load per shard and, at a resharding, swaps its map, counts the keys that move,
 * opens its connections on a new shard, runs the migration, and charges a cold read on the
 * first query of each moved key on its new shard.
 */
import type { SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { Database, QueryPlan, ReadRoute } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import type { ShardMap } from '../policies/sharding/index.js';
import { routerPlan, type RouterPlan } from './plans.js';
import { routerReport } from './report.js';
import { Resharding, type ReshardSpec } from './reshard.js';
import { ScatterGather } from './scatter.js';

export interface RouterSettings {
  /** Every shard ever present: the initial ones, then the one a resharding adds. */
  readonly shards: readonly Database[];
  readonly names: readonly string[];
  readonly map: ShardMap;
  /** The routing key space's index in `req.keys`. */
  readonly space: number;
}

export class ShardRouter implements Database, ComponentInstance {
  readonly kind = 'shard_router';
  readonly scatter = new ScatterGather();
  readonly reshard: Resharding | null;
  /** The map in force, and its shard indices translated to global ones. */
  map: ShardMap;
  private local: Int32Array;
  /** Connections opened through the router (each holds one on every current shard). */
  private conns = 0;
  private readonly index: ReadonlyMap<string, number>;
  // cold reads waiting, as parallel arrays indexed by a job number (no object per query)
  private readonly jobReq: (Request | null)[] = [];
  private readonly jobShard: number[] = [];
  private readonly jobPlan: (RouterPlan | null)[] = [];
  private readonly jobRoute: ReadRoute[] = [];
  private readonly freeJobs: number[] = [];

  // statistics since the last reset
  statsSince = 0;
  readonly perShard: Float64Array;
  keyed = 0;
  scattered = 0;
  /** Keyed queries since the resharding, and those of them whose key moved. */
  keyedAfter = 0;
  movedQueries = 0;
  coldReads = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    readonly settings: RouterSettings,
    reshard: ReshardSpec | null,
  ) {
    this.index = new Map(settings.names.map((n, i) => [n, i]));
    this.map = settings.map;
    this.local = this.globalIndices(settings.map);
    this.perShard = new Float64Array(settings.shards.length);
    this.reshard = reshard === null ? null : new Resharding(ctx, this, reshard);
  }

  /** Global indices of the shards in the map in force. */
  get current(): Int32Array {
    return this.local;
  }

  /** The global index of each of `map`'s shards (map.shardOf gives an index into map.names). */
  globalIndices(map: ShardMap): Int32Array {
    return Int32Array.from(map.names, (n) => {
      const i = this.index.get(n);
      if (i === undefined) throw new Error(`shard_router ${this.name}: map names unknown shard ${n}`);
      return i;
    });
  }

  plan(name: string): QueryPlan {
    return routerPlan(this.name, name, this.settings.shards, this.settings.names);
  }

  query(req: Request, query: QueryPlan, route: ReadRoute): void {
    const plan = query as RouterPlan;
    const space = this.settings.space;
    if (plan.keySpace !== space) return this.scatterQuery(req, plan, route);
    const key = req.keys[space]!;
    const shard = this.local[this.map.shardOf(key)]!;
    this.keyed++;
    this.perShard[shard]!++;
    const r = this.reshard;
    if (r !== null && r.done) {
      this.keyedAfter++;
      const cold = r.touch(key);
      if (cold > 0) {
        this.movedQueries++;
        if (cold > 1) return this.coldRead(req, shard, plan, route, r.coldRead);
      }
    }
    this.settings.shards[shard]!.query(req, plan.perShard[shard]!, route);
  }

  connect(): boolean {
    const shards = this.local;
    for (let i = 0; i < shards.length; i++) {
      if (this.settings.shards[shards[i]!]!.connect()) continue;
      for (let j = 0; j < i; j++) this.settings.shards[shards[j]!]!.disconnect();
      return false;
    }
    this.conns++;
    return true;
  }

  disconnect(): void {
    for (const s of this.local) this.settings.shards[s]!.disconnect();
    this.conns--;
  }

  /** Switch to `next` (the resharding): connections follow the shards in and out. */
  swap(next: ShardMap): void {
    const before = new Set(this.local);
    const after = this.globalIndices(next);
    for (const s of after) if (!before.has(s)) for (let c = 0; c < this.conns; c++) this.settings.shards[s]!.connect();
    for (const s of before) if (!after.includes(s)) for (let c = 0; c < this.conns; c++) this.settings.shards[s]!.disconnect();
    this.map = next;
    this.local = after;
  }

  resetStats(now: number): void {
    this.statsSince = now;
    this.perShard.fill(0);
    this.keyed = this.scattered = this.keyedAfter = this.movedQueries = this.coldReads = 0;
    this.reshard?.resetStats();
  }

  report(now: number): ComponentReport {
    return routerReport(this, now);
  }

  private scatterQuery(req: Request, plan: RouterPlan, route: ReadRoute): void {
    this.scattered++;
    const shards = this.local;
    for (let i = 0; i < shards.length; i++) this.perShard[shards[i]!]!++;
    this.scatter.scatter(req, shards, this.settings.shards, plan.perShard, route);
  }

  private coldRead(req: Request, shard: number, plan: RouterPlan, route: ReadRoute, delay: number): void {
    this.coldReads++;
    const job = this.freeJobs.length > 0 ? this.freeJobs.pop()! : this.jobReq.length;
    this.jobReq[job] = req;
    this.jobShard[job] = shard;
    this.jobPlan[job] = plan;
    this.jobRoute[job] = route;
    this.ctx.schedule(delay, this.warmed, job);
  }

  private readonly warmed = (job: number): void => {
    const req = this.jobReq[job]!;
    const shard = this.jobShard[job]!;
    const plan = this.jobPlan[job]!;
    this.jobReq[job] = null;
    this.jobPlan[job] = null;
    this.freeJobs.push(job);
    this.settings.shards[shard]!.query(req, plan.perShard[shard]!, this.jobRoute[job]!);
  };
}
