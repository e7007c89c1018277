/**
 * One app instance: the Backend a load balancer sends to and the Instance a request's cpu
 * steps run on. This base holds what every runtime shares — admission (down → 502, full →
 * 503 accept_queue_full), the server-side timeout, the count of requests in progress — and
 * leaves to the runtime how CPU is shared and whether a request holds a worker.
 */
import type { SimContext } from '../../engine/types.js';
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { Releasable, Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { Step } from '../../flow/step.js';
import type { Backend, ConnectionSource, Instance } from '../contracts.js';
import type { FlowTable } from '../define.js';
import { Refusal } from './reject-step.js';
import type { TierSettings } from './schema.js';

/** What an instance is built from: its own context (`<tier>/<n>`) and the tier's shared parts. */
export interface InstanceParts {
  readonly ctx: SimContext;
  readonly flow: FlowRunner;
  readonly flows: FlowTable;
  readonly settings: TierSettings;
  readonly pool: ConnectionSource | null;
}

/** An instance's statistics for the tier's report. */
export interface InstanceFigures {
  /** Mean cores busy with CPU work. */
  busyCores: number;
  /** Mean and max requests waiting: for a worker (accept queue) or for the event loop's CPU. */
  queueMean: number;
  queueMax: number;
  /** Mean busy workers or threads over their number (0 for an event loop). */
  slotUtilisation: number;
  /** Total wait for a worker, and the number of requests that got one (0 for an event loop). */
  acceptWaitSum: number;
  acceptWaitCount: number;
}

export abstract class AppInstance implements Backend, Instance {
  /** False while the instance is down: requests sent to it are refused with 502 `dropped`. */
  up = true;
  /** Requests accepted and not yet ended. A request answered early (a `respond` step, a timeout)
   * still counts until its work stops: the instance is still busy with it. */
  active = 0;
  readonly pool: ConnectionSource | null;

  // statistics since the last reset
  accepted = 0;
  refusedFull = 0;
  refusedDown = 0;
  timeouts = 0;
  readonly inProgress = new TimeWeighted();
  /** When the statistics window began: creation or the last reset. */
  since: number;
  /** Called once `active` falls to 0, while set: a draining instance leaves then (fleet.ts). */
  onIdle: ((inst: AppInstance) => void) | null = null;
  /** Core-seconds of CPU done before the last reset: `cpuSeconds` never restarts from 0. */
  private cpuBefore = 0;

  protected readonly ctx: SimContext;
  protected readonly flow: FlowRunner;
  protected readonly settings: TierSettings;
  private readonly flows: FlowTable;
  private readonly full: Refusal;
  private readonly down: Refusal;

  constructor(readonly name: string, parts: InstanceParts) {
    this.ctx = parts.ctx;
    this.flow = parts.flow;
    this.flows = parts.flows;
    this.settings = parts.settings;
    this.pool = parts.pool;
    this.full = new Refusal(parts.ctx, parts.flow, 'accept_queue_full', 503);
    this.down = new Refusal(parts.ctx, parts.flow, 'dropped', 502);
    this.since = parts.ctx.now;
  }

  get weight(): number {
    return this.settings.weight;
  }

  /** True while a new request would be refused for lack of room. */
  abstract get overloaded(): boolean;
  abstract cpu(req: Request, work: number): void;
  abstract figures(now: number): InstanceFigures;
  /** Start an accepted request: take a worker first, or go straight to its flow. */
  protected abstract admit(req: Request): void;
  protected abstract resetRuntime(now: number): void;

  accept(req: Request): void {
    if (!this.up) {
      this.refusedDown++;
      return this.down.refuse(req);
    }
    if (this.overloaded) {
      this.refusedFull++;
      return this.full.refuse(req);
    }
    this.accepted++;
    this.active++;
    this.inProgress.set(this.ctx.now, this.active);
    req.instance = this;
    req.held.push(this.done);
    // the Request has one timer slot: a timeout set upstream (a client's) keeps it
    if (this.settings.timeout !== Infinity && req.timer < 0) {
      req.timer = this.ctx.schedule(this.settings.timeout, this.expire, req);
    }
    this.admit(req);
  }

  resetStats(now: number): void {
    this.cpuBefore = this.cpuSeconds(now);
    this.since = now;
    this.accepted = this.refusedFull = this.refusedDown = this.timeouts = 0;
    this.inProgress.reset(now);
    this.resetRuntime(now);
  }

  /** Core-seconds of CPU work done since the instance was built, across resets (an
   * autoscaler's utilisation metric reads differences of it). */
  cpuSeconds(now: number): number {
    return this.cpuBefore + this.figures(now).busyCores * (now - this.since);
  }

  /** The endpoint flow `req` runs (the builder fills the table before the run starts). */
  protected stepsOf(req: Request): readonly Step[] {
    const steps = this.flows.endpoints[req.endpoint];
    if (steps === undefined) throw new Error(`${this.name}: no flow for endpoint ${req.endpoint} (the flow table is incomplete)`);
    return steps;
  }

  // bound once: released by the runner when the request ends, whatever the outcome
  private readonly done: Releasable = {
    release: () => {
      this.active--;
      this.inProgress.set(this.ctx.now, this.active);
      if (this.active === 0 && this.onIdle !== null) this.onIdle(this);
    },
  };

  private readonly expire = (req: Request): void => {
    req.timer = -1;
    if (req.aborted || req.ended) return;
    this.timeouts++;
    this.flow.abort(req, 'request_timeout', 504);
  };
}
