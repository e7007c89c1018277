/**
 * A built cache: lookups, stores and invalidations against one store (a shared Redis or
 * Memcached) or one store per app instance (an in-process cache, which each process fills
 * on its own). Every operation resumes its request after a latency drawn from the cache's
 * own stream; with `servers`, operations first queue for the cache server's threads.
 * The hit ratio is never configured: it emerges from the keys, the capacity and the TTL.
 */
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import { Station } from '../../engine/resources/station.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { Request } from '../../flow/request.js';
import type { Cache } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { evictionPolicy, type EvictionName } from '../policies/eviction/index.js';
import { SingleFlight, type FlightWaker } from './single-flight.js';
import { CacheStore } from './store.js';

export interface CacheSettings {
  readonly capacity: number;
  /** Seconds an entry lives after it is set; Infinity for no TTL. */
  readonly ttl: number;
  readonly eviction: EvictionName;
  readonly singleFlight: boolean;
  /** One store per app instance (`req.instance`) instead of one shared store. */
  readonly perInstance: boolean;
  readonly latency: { readonly hit: Distribution; readonly miss: Distribution; readonly set: Distribution; readonly delete: Distribution };
  /** Cache server threads (0: unlimited, no queueing) and the server time per operation. */
  readonly servers: number;
  readonly service: Distribution;
  readonly costPerHour: number;
}

/** One store with its stampede guard: the whole cache, or one app instance's share. */
interface Node {
  readonly store: CacheStore;
  readonly flights: SingleFlight | null;
}

const GET = 0;
const SET = 1;
const DELETE = 2;

export class CacheComponent implements Cache, ComponentInstance, FlightWaker {
  readonly kind = 'cache';
  private readonly rng: RandomStream;
  private readonly nodes = new Map<unknown, Node>();
  /** When statistics were last reset: a store created later starts its gauges there. */
  private statsSince = 0;
  private readonly shared: Node | null;
  private readonly server: Station<number> | null;
  private readonly serviceRng: RandomStream;
  // operations queued at the server, as parallel arrays indexed by a job number (no objects)
  private readonly jobReq: (Request | null)[] = [];
  private readonly jobOp: number[] = [];
  private readonly jobKey: number[] = [];
  private readonly freeJobs: number[] = [];
  // fault hooks (faults.ts): latency added to every operation, entries dropped by flushes
  private extraLatency = 0;
  flushed = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly settings: CacheSettings,
  ) {
    this.rng = ctx.rng;
    this.serviceRng = ctx.stream('service');
    this.shared = settings.perInstance ? null : this.newNode();
    this.server = settings.servers > 0 ? new Station<number>(ctx, { servers: settings.servers }, this.serverDone) : null;
  }

  get(req: Request, key: number): void {
    if (this.server !== null) this.enqueue(req, GET, key);
    else this.lookup(req, key);
  }

  set(req: Request, key: number): void {
    if (this.server !== null) this.enqueue(req, SET, key);
    else this.store(req, key);
  }

  delete(req: Request, key: number): void {
    if (this.server !== null) this.enqueue(req, DELETE, key);
    else this.invalidate(req, key);
  }

  served(req: Request): void {
    req.hit = true;
    this.after(this.settings.latency.hit, req);
  }

  unserved(req: Request): void {
    req.hit = false;
    this.after(this.settings.latency.miss, req);
  }

  /** Fault hook: drop every entry of every store (FLUSHALL, a restart); returns how many. */
  flush(): number {
    let dropped = 0;
    for (const node of this.allNodes()) dropped += node.store.clear(this.ctx.now);
    this.flushed += dropped;
    return dropped;
  }

  /** Fault hook: add `seconds` (negative to take it back) to every operation's latency. */
  addLatency(seconds: number): void {
    this.extraLatency = Math.max(0, this.extraLatency + seconds);
  }

  resetStats(now: number): void {
    this.statsSince = now;
    this.flushed = 0;
    for (const node of this.allNodes()) {
      node.store.resetStats(now);
      node.flights?.resetStats();
    }
    this.server?.resetStats(now);
  }

  report(now: number): ComponentReport {
    return cacheReport(this, now, [...this.allNodes()], this.server);
  }

  private lookup(req: Request, key: number): void {
    const node = this.nodeOf(req);
    if (node.store.get(key, this.ctx.now)) return this.served(req);
    req.hit = false;
    // a miss while another request loads the key waits for its value (no latency yet)
    if (node.flights !== null && node.flights.miss(req, key)) return;
    this.after(this.settings.latency.miss, req);
  }

  private store(req: Request, key: number): void {
    const node = this.nodeOf(req);
    const now = this.ctx.now;
    node.store.set(key, now + this.settings.ttl, now);
    node.flights?.landed(key);
    this.after(this.settings.latency.set, req);
  }

  private invalidate(req: Request, key: number): void {
    this.nodeOf(req).store.delete(key, this.ctx.now);
    this.after(this.settings.latency.delete, req);
  }

  private after(latency: Distribution, req: Request): void {
    const t = latency.sample(this.rng) + this.extraLatency;
    this.ctx.schedule(t > 0 ? t : 0, this.resume, req);
  }

  private readonly resume = (req: Request): void => this.flow.resume(req);

  private enqueue(req: Request, op: number, key: number): void {
    const job = this.freeJobs.length > 0 ? this.freeJobs.pop()! : this.jobReq.length;
    this.jobReq[job] = req;
    this.jobOp[job] = op;
    this.jobKey[job] = key;
    // drawn at arrival, from its own stream, so queueing never shifts the latency draws
    this.server!.arrive(job, this.settings.service.sample(this.serviceRng));
  }

  // the server finished a job: apply the operation now, then the client-side latency
  private readonly serverDone = (job: number): void => {
    const req = this.jobReq[job]!;
    const op = this.jobOp[job];
    const key = this.jobKey[job]!;
    this.jobReq[job] = null;
    this.freeJobs.push(job);
    if (op === GET) this.lookup(req, key);
    else if (op === SET) this.store(req, key);
    else this.invalidate(req, key);
  };

  private nodeOf(req: Request): Node {
    if (this.shared !== null) return this.shared;
    let node = this.nodes.get(req.instance);
    if (node === undefined) {
      node = this.newNode();
      this.nodes.set(req.instance, node);
    }
    return node;
  }

  private newNode(): Node {
    const s = this.settings;
    // only random eviction draws; each store gets its own stream so evictions never shift latencies
    const rng = s.eviction === 'random' ? this.ctx.stream(`evict/${this.nodes.size}`) : this.rng;
    return {
      store: new CacheStore(s.capacity, evictionPolicy(s.eviction, rng), this.statsSince),
      flights: s.singleFlight ? new SingleFlight(this) : null,
    };
  }

  private *allNodes(): Iterable<Node> {
    if (this.shared !== null) yield this.shared;
    yield* this.nodes.values();
  }

  get costPerHour(): number {
    return this.settings.costPerHour;
  }
}

/** Totals over every store: the hit ratio is hits / lookups, counted where they happen. */
function cacheReport(c: CacheComponent, now: number, nodes: readonly Node[], server: Station<number> | null): ComponentReport {
  const t = { hits: 0, misses: 0, expirations: 0, evictions: 0, sets: 0, deletes: 0, entries: 0, maxEntries: 0, waits: 0, saved: 0 };
  for (const { store, flights } of nodes) {
    t.hits += store.hits;
    t.misses += store.misses;
    t.expirations += store.expirations;
    t.evictions += store.evictions;
    t.sets += store.sets;
    t.deletes += store.deletes;
    t.entries += store.entries.mean(now);
    // per app instance, the sum of each store's peak: an upper bound on the peak of the sum
    t.maxEntries += store.entries.max;
    t.waits += flights?.waits ?? 0;
    t.saved += flights?.saved ?? 0;
  }
  const gets = t.hits + t.misses;
  const report: ComponentReport = {
    name: c.name,
    kind: c.kind,
    costPerHour: c.costPerHour,
    extra: {
      gets, hits: t.hits, misses: t.misses, expirations: t.expirations, evictions: t.evictions,
      sets: t.sets, deletes: t.deletes, mean_entries: t.entries, max_entries: t.maxEntries,
      single_flight_waits: t.waits, stampede_saved: t.saved, stores: nodes.length,
      ...(c.flushed > 0 ? { flushed: c.flushed } : {}),
    },
  };
  if (gets > 0) report.hitRatio = t.hits / gets;
  if (server !== null) {
    report.utilisation = server.busy.mean(now) / server.servers;
    report.meanQueue = server.queueLength.mean(now);
    report.maxQueue = server.queueLength.max;
  }
  return report;
}
