/**
 * A built database: queries travel half a round trip to the server, run on the primary's
 * cores or a replica's (processor sharing), and travel back. Writes always run on the
 * primary and, at commit, start replicating to every replica; reads are routed by the
 * step's route, the `reads` setting and the read-your-writes window, and a replica read of
 * a row whose latest write has not reached it yet counts as stale.
 */
import { PsStation } from '../../engine/resources/ps-station.js';
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { Request } from '../../flow/request.js';
import type { Database, QueryPlan, ReadRoute } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { ConnectionLimit } from './connection-limit.js';
import type { CompiledQuery } from './plans.js';
import { RecentWriters } from './recent-writers.js';
import { ReplicaSet } from './replicas.js';
import { databaseReport } from './report.js';
import { StalenessTracker } from './staleness.js';

const PRIMARY = -1;

export interface DatabaseSettings {
  readonly cores: number;
  readonly maxConnections: number;
  readonly plans: ReadonlyMap<string, CompiledQuery>;
  /** Noise around a planned mean (mean 1). */
  readonly noise: Distribution;
  readonly rtt: number;
  readonly readsToReplicas: boolean;
  /** Read-your-writes window in seconds (0: off). */
  readonly rywWindow: number;
  /** Key space naming "the same user" for read-your-writes (-1: use each query's own). */
  readonly userSpace: number;
  readonly costPerHour: number;
}

/** The replicas to build: one context per replica (its own stream), their cores and lag. */
export interface ReplicaSpec {
  readonly contexts: readonly SimContext[];
  readonly cores: number;
  readonly lag: Distribution;
}

export class DatabaseComponent implements Database, ComponentInstance {
  readonly kind = 'database';
  readonly primary: PsStation<number>;
  readonly connections: ConnectionLimit;
  readonly staleness: StalenessTracker | null;
  readonly writers: RecentWriters | null;
  readonly replicas: ReplicaSet | null;
  private readonly costRng: RandomStream;
  // queries in flight, as parallel arrays indexed by a job number (no object per query)
  private readonly jobReq: (Request | null)[] = [];
  private readonly jobPlan: (CompiledQuery | null)[] = [];
  private readonly jobTarget: number[] = [];
  private readonly jobWork: number[] = [];
  private readonly jobStart: number[] = [];
  private readonly freeJobs: number[] = [];

  // statistics since the last reset
  statsSince = 0;
  readonly executions: number[];
  reads = 0;
  writes = 0;
  replicaReads = 0;
  rywPrimaryReads = 0;
  staleReads = 0;
  completed = 0;
  timeSum = 0;
  /** Writes refused with 503 write_unavailable while a failover was under way. */
  writesRefused = 0;

  // fault hooks (faults.ts): a failover window, an added latency
  private writesUnavailable = false;
  private extraLatency = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    readonly settings: DatabaseSettings,
    replicas: ReplicaSpec | null,
  ) {
    this.primary = new PsStation<number>(ctx, { cores: settings.cores }, this.executed);
    this.replicas = replicas === null || replicas.contexts.length === 0 ? null
      : new ReplicaSet(replicas.contexts, replicas.cores, replicas.lag, this.executed);
    this.connections = new ConnectionLimit(settings.maxConnections, ctx.now);
    this.costRng = ctx.stream('cost');
    this.staleness = this.replicas === null ? null : new StalenessTracker(this.replicas.count);
    this.writers = this.replicas !== null && settings.rywWindow > 0 ? new RecentWriters(settings.rywWindow) : null;
    this.executions = new Array<number>(settings.plans.size).fill(0);
  }

  plan(name: string): QueryPlan {
    const plan = this.settings.plans.get(name);
    if (plan === undefined) throw new Error(`database ${this.name}: no query named ${name} (known: ${[...this.settings.plans.keys()].join(', ')})`);
    return plan;
  }

  connect(): boolean {
    return this.connections.open(this.ctx.now);
  }

  disconnect(): void {
    this.connections.close(this.ctx.now);
  }

  query(req: Request, query: QueryPlan, route: ReadRoute): void {
    const q = query as CompiledQuery;
    if (q.write && this.writesUnavailable) return this.refuseWrite(req);
    const now = this.ctx.now;
    // drawn before routing, from the database's own stream: routing never shifts the draws
    const w = q.cost !== null ? q.cost.sample(this.costRng) : q.mean * this.settings.noise.sample(this.costRng);
    const job = this.freeJobs.length > 0 ? this.freeJobs.pop()! : this.jobReq.length;
    this.jobReq[job] = req;
    this.jobPlan[job] = q;
    this.jobTarget[job] = this.route(req, q, route);
    this.jobWork[job] = w > 0 ? w : 0;
    this.jobStart[job] = now;
    this.executions[q.index]!++;
    this.ctx.schedule(this.settings.rtt / 2 + this.extraLatency, this.arrive, job);
  }

  /** Fault hook: while false (a primary failover), writes fail with 503 write_unavailable;
   * reads go on (replicas, or the node being promoted). */
  setWritesAvailable(available: boolean): void {
    this.writesUnavailable = !available;
  }

  /** Fault hook: add `seconds` (negative to take it back) to every query's trip to the server. */
  addLatency(seconds: number): void {
    this.extraLatency = Math.max(0, this.extraLatency + seconds);
  }

  /** Fault hook: take replica `index` (0-based) out of read routing, or put it back. Reads
   * already running on it finish; while every replica is down, reads go to the primary. */
  setReplicaUp(index: number, up: boolean): void {
    if (this.replicas === null) throw new Error(`database ${this.name}: no replicas`);
    this.replicas.setUp(index, up);
  }

  resetStats(now: number): void {
    this.statsSince = now;
    this.executions.fill(0);
    this.reads = this.writes = this.replicaReads = this.rywPrimaryReads = this.staleReads = 0;
    this.completed = this.timeSum = this.writesRefused = 0;
    this.primary.resetStats(now);
    this.replicas?.resetStats(now);
    this.connections.resetStats(now);
  }

  report(now: number): ComponentReport {
    return databaseReport(this, now);
  }

  private route(req: Request, q: CompiledQuery, route: ReadRoute): number {
    if (q.write) {
      this.writes++;
      return PRIMARY;
    }
    this.reads++;
    const replicas = this.replicas;
    if (route === 'primary' || replicas === null) return PRIMARY;
    if (route === 'auto') {
      if (!this.settings.readsToReplicas) return PRIMARY;
      const writer = this.writerOf(req, q);
      if (this.writers !== null && writer >= 0 && this.writers.isRecent(writer, this.ctx.now)) {
        this.rywPrimaryReads++;
        return PRIMARY;
      }
    }
    const r = replicas.pick();
    if (r < 0) return PRIMARY;
    this.replicaReads++;
    return r;
  }

  // the client sees the connection refused after a round trip, never inside the call
  private refuseWrite(req: Request): void {
    this.writesRefused++;
    this.ctx.schedule(this.settings.rtt, this.writeRefused, req);
  }

  private readonly writeRefused = (req: Request): void => this.flow.fail(req, 'write_unavailable', 503);

  /** Who "the same user" is for read-your-writes: the user key space, else the query's row key. */
  private writerOf(req: Request, q: CompiledQuery): number {
    const space = this.settings.userSpace >= 0 ? this.settings.userSpace : q.keySpace;
    return space >= 0 ? req.keys[space]! : -1;
  }

  // the query reached the server: take its snapshot (stale or not) and run it
  private readonly arrive = (job: number): void => {
    const target = this.jobTarget[job]!;
    if (target === PRIMARY) {
      this.primary.arrive(job, this.jobWork[job]!);
      return;
    }
    const q = this.jobPlan[job]!;
    if (q.keySpace >= 0 && this.staleness!.isStale(q.rowBase + this.jobReq[job]!.keys[q.keySpace]!, target, this.ctx.now)) {
      this.staleReads++;
    }
    this.replicas!.stations[target]!.arrive(job, this.jobWork[job]!);
  };

  // execution finished; a write commits now and starts replicating
  private readonly executed = (job: number): void => {
    const q = this.jobPlan[job]!;
    if (q.write) this.committed(this.jobReq[job]!, q);
    this.ctx.schedule(this.settings.rtt / 2, this.returned, job);
  };

  private committed(req: Request, q: CompiledQuery): void {
    const now = this.ctx.now;
    if (this.staleness !== null && q.keySpace >= 0) this.staleness.write(q.rowBase + req.keys[q.keySpace]!, now, this.replicas!.drawLag);
    if (this.writers !== null) {
      const writer = this.writerOf(req, q);
      if (writer >= 0) this.writers.wrote(writer, now);
    }
  }

  private readonly returned = (job: number): void => {
    const req = this.jobReq[job]!;
    this.completed++;
    this.timeSum += this.ctx.now - this.jobStart[job]!;
    this.jobReq[job] = null;
    this.jobPlan[job] = null;
    this.freeJobs.push(job);
    this.flow.resume(req);
  };
}
