/**
 * A step of an endpoint's flow (cpu, cache_get, db, call, respond…), compiled from the model
 * into an object whose `run` is called when the request reaches it and again each time an
 * operation it started completes (`req.phase` says where it is). A step ends by calling
 * `flow.next(req)`, `flow.enter(req, subflow)` or `flow.fail(req, cause)`.
 */
import type { Request, ErrorCause } from './request.js';

export interface FlowControl {
  /** The current step is finished: go to the next one. */
  next(req: Request): void;
  /** Run `steps` as a sub-flow, then continue after the current step. */
  enter(req: Request, steps: readonly Step[]): void;
  /** Continue the current step (after an async operation completed). */
  resume(req: Request): void;
  /** End the request with an error. */
  fail(req: Request, cause: ErrorCause, status?: number): void;
  /** Send the response now (e.g. 202 Accepted) while the flow may go on in the background. */
  respond(req: Request, status: number): void;
}

export interface Step {
  /** The step's kind and a short label, for traces and `explain`. */
  readonly kind: string;
  readonly label: string;
  run(req: Request, flow: FlowControl): void;
}
