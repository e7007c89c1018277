/**
 * An app instance's side of a PgBouncer used directly as its pool: each request opens a
 * client connection to the bouncer at its first `db` step (cheap, but limited by
 * max_client_conn) and keeps it until it ends; the server connection comes from the
 * bouncer's gate per transaction (transaction mode) or for the whole request (session mode).
 */
import type { SimContext } from '../../engine/types.js';
import type { Releasable, Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { ConnectionSource } from '../contracts.js';
import { holds } from './held.js';
import type { ServerGate } from './server-gate.js';

/** The bouncer's client-connection limit as the handle sees it. */
export interface ClientSide {
  connect(): boolean;
  disconnect(): void;
}

export class BouncerClient implements ConnectionSource, Releasable {
  readonly holdForRequest: boolean;

  constructor(
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly clients: ClientSide,
    private readonly gate: ServerGate,
  ) {
    this.holdForRequest = !gate.perTransaction;
  }

  acquire(req: Request): boolean {
    req.conn = this;
    if (!holds(req, this)) {
      if (!this.clients.connect()) {
        // refused by max_client_conn: answered from the event loop, not inside the step
        this.ctx.schedule(0, this.refused, req);
        return false;
      }
      req.held.push(this);
    }
    return this.gate.enter(req);
  }

  releaseEarly(req: Request): void {
    this.gate.leave(req);
    req.conn = null;
  }

  /** The request ended: close its client connection (the runner releases its server one). */
  release(req: Request): void {
    if (req.conn === this) req.conn = null;
    this.clients.disconnect();
  }

  private readonly refused = (req: Request): void => this.flow.fail(req, 'db_max_connections', 503);
}
