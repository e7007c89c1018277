/**
 * A one-step flow that refuses a request (accept queue full, instance down, no healthy
 * backend). Refusals go through `flow.start` like any request, so the runner's started /
 * responded / ended counters stay balanced, and they run from an engine event rather than
 * inside `accept`, so a client that resends at once on an error cannot recurse without bound.
 */
import type { SimContext } from '../../engine/types.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { ErrorCause, Request } from '../../flow/request.js';
import type { FlowControl, Step } from '../../flow/step.js';

class RejectStep implements Step {
  readonly kind = 'reject';
  readonly label: string;
  constructor(private readonly cause: ErrorCause, private readonly status: number) {
    this.label = `${cause} ${status}`;
  }
  run(req: Request, flow: FlowControl): void {
    flow.fail(req, this.cause, this.status);
  }
}

/** Refuses requests with one cause and status, from an event at the current time. */
export class Refusal {
  private readonly steps: readonly Step[];
  constructor(private readonly ctx: SimContext, private readonly flow: FlowRunner, cause: ErrorCause, status: number) {
    this.steps = [new RejectStep(cause, status)];
  }

  /** Refuse `req` (answered at the current time, after the caller returns). */
  refuse(req: Request): void {
    this.ctx.schedule(0, this.run, req);
  }

  private readonly run = (req: Request): void => this.flow.start(req, this.steps);
}
