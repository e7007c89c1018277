/**
 * What components offer each other and the flow steps. A step never knows a component's
 * class, only these capabilities, so a cache can be Redis-like or in-process and a pool can
 * be per-instance or a PgBouncer without the steps changing.
 * Asynchronous operations end by calling `flow.resume(req)` (or `flow.fail`), never by
 * returning a value: the request's coroutine picks up where it stopped.
 */
import type { Request } from '../flow/request.js';

/** Where traffic enters: a load balancer, an app tier, a rate limiter, a CDN. */
export interface Entry {
  accept(req: Request): void;
}

/** A server a load balancer can send a request to (one app instance, or a station). */
export interface Backend extends Entry {
  readonly name: string;
  /** Requests accepted and not yet answered (least_connections reads it). */
  readonly active: number;
  /** False while down (crashed, failing health checks at the instance level). */
  readonly up: boolean;
  /** Relative weight for weighted policies (default 1). */
  readonly weight: number;
  /** True while it turns new work away (e.g. its accept queue is full): a load balancer's
   * health check counts it as a failed check. Absent means never overloaded. */
  readonly overloaded?: boolean;
}

/** A group of backends: an app tier exposes its instances this way. */
export interface BackendGroup {
  readonly name: string;
  backends(): readonly Backend[];
  /** Call `listener` whenever `backends()` changes at runtime (an autoscaled tier adds an
   * instance once it is ready, or takes one out to drain). Absent: they never change. */
  onChange?(listener: () => void): void;
}

/** One app instance running a request (stored in `req.instance` by its tier). */
export interface Instance {
  readonly name: string;
  /** Run `work` seconds of CPU for `req` on this instance; resumes the request when done. */
  cpu(req: Request, work: number): void;
  /** This instance's database connection pool, if the tier has one. */
  readonly pool: ConnectionSource | null;
}

/** Something that hands out database connections (a per-instance pool, a PgBouncer). */
export interface ConnectionSource {
  /** Acquire a connection for `req`. Returns true when granted at once (nothing else happens);
   * otherwise the request is resumed when granted or failed on timeout/limit. The connection
   * is recorded in `req.held`, so it is released when the request ends at the latest. */
  acquire(req: Request): boolean;
  /** Give `req`'s connection back before the request ends (per-query checkout). */
  releaseEarly(req: Request): void;
  /** Whether the connection is held for the whole request (true) or per query (false). */
  readonly holdForRequest: boolean;
  /** Close every connection for good: its instance is gone (scaled in) and holds none. */
  close?(): void;
}

/** A connection_pool or pgbouncer component: builds the pool of one app instance. */
export interface PoolProvider {
  /** A connection source for the instance called `instanceName` (per-instance pools create
   * one pool each; a shared pooler returns a client-side handle onto its one pool). */
  forInstance(instanceName: string): ConnectionSource;
}

/** A database query as compiled from the model's catalogue. */
export interface QueryPlan {
  readonly name: string;
  readonly write: boolean;
  /** Index of the key space whose value identifies the row (for stale-read tracking), or -1. */
  readonly keySpace: number;
}

export type ReadRoute = 'primary' | 'replica' | 'auto';

export interface Database {
  /** Execute `query` for `req`; resumes the request when the result is back. */
  query(req: Request, query: QueryPlan, route: ReadRoute): void;
  /** Open a server connection; false when `max_connections` is reached. */
  connect(): boolean;
  disconnect(): void;
  /** Compile a query name from the catalogue (throws on an unknown name: validated earlier). */
  plan(name: string): QueryPlan;
}

export interface Cache {
  /** Look `key` up: sets `req.hit`, then resumes the request. */
  get(req: Request, key: number): void;
  /** Store `key` (after a miss was loaded); resumes the request. */
  set(req: Request, key: number): void;
  /** Invalidate `key` (on write); resumes the request. */
  delete(req: Request, key: number): void;
}

/** A plain queueing station a flow can visit (`visit: q`): textbook networks in YAML. */
export interface Visitable {
  /** Queue for and receive service; resumes the request when done, or fails it when dropped. */
  visit(req: Request): void;
}

/** Something an autoscaler can resize: an app tier (instances) or a worker pool (workers). */
export interface Scalable {
  readonly name: string;
  /** Replicas currently running (taking work), and those requested but still starting. */
  readonly replicas: number;
  readonly starting: number;
  /** The metric the scaler targets, averaged since the last call (e.g. CPU utilisation 0..1,
   * or queue depth per worker); the caller passes the metric name it was configured with. */
  metric(name: string, now: number): number;
  /** Ask for `n` replicas: new ones take work after their start-up delay; removed ones drain. */
  scaleTo(n: number): void;
}

/** A task queue (worker_queue) that `enqueue` steps publish to. */
export interface TaskQueue {
  /** Publish task number `task` with `req`'s keys; resumes `req` once the broker has it. */
  publish(req: Request, task: number): void;
  /** The number of a task by name (throws on an unknown name: validated earlier). */
  taskIndex(name: string): number;
}
