/**
 * One app instance's connection pool, with SQLAlchemy QueuePool semantics: `size`
 * persistent connections, up to `max_overflow` more opened on demand (paying connect_time)
 * and closed when returned while more than `size` are open, and a FIFO wait of at most
 * `acquire_timeout` (then `pool_timeout`). A connection is held for the request or per
 * query. Over a PgBouncer, each checkout (or, in transaction mode, each query step) also
 * needs one of the bouncer's server connections (its ServerGate).
 */
import { Pool } from '../../engine/resources/pool.js';
import type { SimContext } from '../../engine/types.js';
import type { Releasable, Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { ConnectionSource } from '../contracts.js';
import { dropHeld, holds } from './held.js';
import type { PoolStats } from './pool-stats.js';
import type { ServerGate } from './server-gate.js';

/** What a pool opens connections to: a database, or a PgBouncer (which has a gate). */
export interface Upstream {
  connect(): boolean;
  disconnect(): void;
  readonly gate?: ServerGate | undefined;
}

export interface PoolSettings {
  readonly size: number;
  readonly maxOverflow: number;
  /** acquire_timeout in seconds (Infinity: wait forever). */
  readonly timeout: number;
  readonly connectTime: number;
  readonly hold: 'request' | 'query';
}

export class PoolSource implements ConnectionSource, Releasable {
  readonly holdForRequest: boolean;
  private readonly slots: Pool<Request>;
  private readonly gate: ServerGate | null;
  private open = 0;
  private idle = 0;
  /** Persistent connections that could not be opened at build time (the database was full). */
  readonly missing: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly upstream: Upstream,
    private readonly settings: PoolSettings,
    private readonly stats: PoolStats,
  ) {
    this.gate = upstream.gate ?? null;
    this.holdForRequest = settings.hold === 'request' && !(this.gate?.perTransaction ?? false);
    const capacity = settings.size + settings.maxOverflow;
    this.slots = new Pool<Request>(ctx, { size: capacity, timeout: settings.timeout }, this.granted, this.expired);
    let missing = 0;
    for (let i = 0; i < settings.size; i++) {
      if (upstream.connect()) this.opened(ctx.now);
      else missing++;
    }
    this.idle = this.open;
    this.missing = missing;
  }

  acquire(req: Request): boolean {
    req.conn = this;
    // over a transaction-mode bouncer the pool connection stays with the request between steps
    if (holds(req, this)) return this.enterGate(req);
    if (!this.slots.acquire(req)) {
      this.stats.waiting.add(this.ctx.now, 1);
      return false;
    }
    return this.take(req, 0, true);
  }

  releaseEarly(req: Request): void {
    const gate = this.gate;
    if (gate !== null && gate.perTransaction) gate.leave(req);
    if (this.settings.hold === 'query' && dropHeld(req, this)) {
      if (gate !== null && !gate.perTransaction) gate.leave(req);
      this.checkin(req);
    }
    req.conn = null;
  }

  /** The instance is gone (scaled in, nothing checked out): close the idle connections so they
   * no longer count against the database's max_connections. */
  close(): void {
    const now = this.ctx.now;
    for (let i = 0; i < this.open; i++) this.upstream.disconnect();
    this.stats.open.add(now, -this.open);
    this.open = this.idle = 0;
  }

  /** The runner releases the connection when the request ends (and, separately, any server
   * connection of a bouncer the request still holds). */
  release(req: Request): void {
    this.checkin(req);
  }

  /** A slot is ours: use an idle connection or open one. Returns true only when `sync` and
   * everything was granted at once; otherwise the request is resumed or failed later. */
  private take(req: Request, waited: number, sync: boolean): boolean {
    const now = this.ctx.now;
    if (this.idle > 0) {
      this.idle--;
      this.stats.waits.record(waited);
      this.stats.inUse.add(now, 1);
      req.held.push(this);
      if (sync) return this.enterGate(req);
      if (this.enterGate(req)) this.flow.resume(req);
      return false;
    }
    const connectTime = this.settings.connectTime;
    this.stats.waits.record(waited + connectTime);
    if (!this.upstream.connect()) {
      this.stats.refused++;
      this.slots.release();
      // the attempt takes as long as a connection would: the server answers "too many clients"
      this.ctx.schedule(connectTime, this.refused, req);
      return false;
    }
    this.opened(now);
    this.stats.inUse.add(now, 1);
    if (this.open > this.settings.size) this.stats.overflowOpened++;
    this.ctx.schedule(connectTime, this.connected, req);
    return false;
  }

  private checkin(req: Request): void {
    if (req.conn === this) req.conn = null;
    const now = this.ctx.now;
    this.stats.inUse.add(now, -1);
    // a waiter takes this connection over; otherwise an overflow connection is closed
    if (this.slots.waiting === 0 && this.open > this.settings.size) {
      this.open--;
      this.stats.open.add(now, -1);
      this.stats.overflowClosed++;
      this.upstream.disconnect();
    } else {
      this.idle++;
    }
    this.slots.release();
  }

  private opened(now: number): void {
    this.open++;
    this.stats.open.add(now, 1);
  }

  private enterGate(req: Request): boolean {
    return this.gate === null ? true : this.gate.enter(req);
  }

  private readonly connected = (req: Request): void => {
    req.held.push(this);
    if (this.enterGate(req)) this.flow.resume(req);
  };

  private readonly refused = (req: Request): void => this.flow.fail(req, 'db_max_connections', 503);

  private readonly granted = (req: Request, waited: number): void => {
    this.stats.waiting.add(this.ctx.now, -1);
    this.take(req, waited, false);
  };

  private readonly expired = (req: Request, waited: number): void => {
    this.stats.waiting.add(this.ctx.now, -1);
    this.stats.waits.record(waited);
    this.stats.timeouts++;
    this.flow.fail(req, 'pool_timeout', 503);
  };
}
