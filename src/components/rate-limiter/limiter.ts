/**
 * The built rate limiter: an Entry in front of another entry (a load balancer, an app tier,
 * a CDN). Each request is judged by the algorithm against its scope's state — one for all
 * traffic, one per client (a key space's value), or one per endpoint — and is either passed
 * on at once or refused with 429 `rate_limited` through a one-step flow, so the runner's
 * counters stay balanced and the 429s are counted like any other error.
 */
import type { Distribution, RandomStream, SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { Refusal } from '../app-tier/reject-step.js';
import type { Entry } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import type { RateLimitPolicy } from '../policies/rate-limit/index.js';
import { ClientTable } from './client-table.js';

export type LimitScope = 'global' | 'per_client' | 'per_endpoint';

export interface LimiterParts {
  readonly ctx: SimContext;
  readonly target: Entry;
  readonly refusal: Refusal;
  readonly policy: RateLimitPolicy;
  readonly scope: LimitScope;
  /** per_client: index of the key space naming the client. */
  readonly clientSpace: number;
  /** Most client (or endpoint) states kept. */
  readonly maxClients: number;
  /** 1 for each endpoint index subject to the limit; null: every endpoint. */
  readonly limited: Uint8Array | null;
  /** Time to take a decision (a round trip to a shared store), or null for none. */
  readonly overhead: Distribution | null;
  readonly costPerHour: number;
}

export class RateLimiter implements Entry, ComponentInstance {
  readonly kind = 'rate_limiter';
  private readonly ctx: SimContext;
  private readonly table: ClientTable<unknown>;
  private readonly overheadRng: RandomStream;

  // statistics since the last reset
  admitted = 0;
  limited = 0;
  /** Requests of endpoints the limit does not cover, passed on unjudged. */
  exempt = 0;
  private evictedAtReset = 0;

  constructor(readonly name: string, private readonly p: LimiterParts) {
    this.ctx = p.ctx;
    this.overheadRng = p.ctx.stream('overhead');
    this.table = new ClientTable(p.maxClients, p.policy.fresh);
  }

  accept(req: Request): void {
    const overhead = this.p.overhead;
    if (overhead === null) return this.decide(req);
    this.ctx.schedule(Math.max(0, overhead.sample(this.overheadRng)), this.decide, req);
  }

  /** Client or endpoint states currently remembered. */
  get tracked(): number {
    return this.table.size;
  }

  resetStats(_now: number): void {
    this.admitted = this.limited = this.exempt = 0;
    this.evictedAtReset = this.table.evicted;
  }

  report(_now: number): ComponentReport {
    const judged = this.admitted + this.limited;
    return {
      name: this.name,
      kind: this.kind,
      costPerHour: this.p.costPerHour,
      extra: {
        admitted: this.admitted,
        rate_limited: this.limited,
        limited_ratio: judged > 0 ? this.limited / judged : 0,
        exempt: this.exempt,
        tracked: this.table.size,
        evicted: this.table.evicted - this.evictedAtReset,
      },
    };
  }

  // bound once: the request is the event payload after the overhead delay
  private readonly decide = (req: Request): void => {
    const p = this.p;
    if (p.limited !== null && p.limited[req.endpoint] !== 1) {
      this.exempt++;
      return p.target.accept(req);
    }
    const state = this.table.get(this.scopeKey(req), this.ctx.now);
    if (p.policy.allow(state, this.ctx.now)) {
      this.admitted++;
      return p.target.accept(req);
    }
    this.limited++;
    p.refusal.refuse(req);
  };

  private scopeKey(req: Request): number {
    switch (this.p.scope) {
      case 'global': return 0;
      case 'per_endpoint': return req.endpoint;
      case 'per_client': return req.keys[this.p.clientSpace]!;
    }
  }
}
