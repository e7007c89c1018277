/**
 * PgBouncer's server side: a fixed set of server connections to the database shared by all
 * clients, handed out FIFO. In transaction mode a client holds one for each `db` step (a
 * transaction), in session mode for as long as it holds its client connection. A client
 * waiting longer than query_wait_timeout fails with `pool_timeout`; each checkout pays the
 * bouncer's overhead.
 */
import { Pool } from '../../engine/resources/pool.js';
import type { SimContext } from '../../engine/types.js';
import type { Releasable, Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import { dropHeld } from './held.js';
import { PoolStats } from './pool-stats.js';

export interface GateSettings {
  /** Server connections actually open. */
  readonly servers: number;
  readonly perTransaction: boolean;
  /** query_wait_timeout in seconds. */
  readonly timeout: number;
  /** Bouncer time per checkout, in seconds. */
  readonly overhead: number;
}

export class ServerGate implements Releasable {
  readonly stats: PoolStats;
  private readonly pool: Pool<Request>;

  constructor(
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    readonly settings: GateSettings,
  ) {
    this.stats = new PoolStats(ctx.now);
    this.stats.open.set(ctx.now, settings.servers);
    this.pool = new Pool<Request>(ctx, { size: settings.servers, timeout: settings.timeout }, this.granted, this.expired);
  }

  get perTransaction(): boolean {
    return this.settings.perTransaction;
  }

  /** Get `req` a server connection: true when granted at once with no overhead; otherwise
   * the gate resumes the request when it has one, or fails it on timeout. */
  enter(req: Request): boolean {
    const now = this.ctx.now;
    if (!this.pool.acquire(req)) {
      this.stats.waiting.add(now, 1);
      return false;
    }
    this.stats.waits.record(0);
    this.take(req);
    if (this.settings.overhead <= 0) return true;
    this.ctx.schedule(this.settings.overhead, this.resume, req);
    return false;
  }

  /** Give `req`'s server connection back now, if it holds one (end of a transaction). */
  leave(req: Request): void {
    if (dropHeld(req, this)) this.giveBack();
  }

  /** The runner releases what the request still holds when it ends. */
  release(_req: Request): void {
    this.giveBack();
  }

  resetStats(now: number): void {
    this.stats.resetStats(now);
  }

  private take(req: Request): void {
    this.stats.inUse.add(this.ctx.now, 1);
    req.held.push(this);
  }

  private giveBack(): void {
    this.stats.inUse.add(this.ctx.now, -1);
    this.pool.release();
  }

  private readonly granted = (req: Request, waited: number): void => {
    this.stats.waiting.add(this.ctx.now, -1);
    this.stats.waits.record(waited);
    this.take(req);
    if (this.settings.overhead > 0) this.ctx.schedule(this.settings.overhead, this.resume, req);
    else this.flow.resume(req);
  };

  private readonly expired = (req: Request, waited: number): void => {
    this.stats.waiting.add(this.ctx.now, -1);
    this.stats.waits.record(waited);
    this.stats.timeouts++;
    this.flow.fail(req, 'pool_timeout', 503);
  };

  private readonly resume = (req: Request): void => this.flow.resume(req);
}
