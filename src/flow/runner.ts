/**
 * The flow runner: walks a request through its endpoint's steps. Steps are coroutines
 * (see step.ts); the runner keeps the program counter and the stack of sub-flows, sends the
 * response, and ends the request — releasing whatever it holds exactly once.
 * A request that times out or fails while an operation is in flight is answered at once
 * (the client sees the error now) but released only when that operation comes back, as a
 * real server keeps working on a request its client has given up on.
 */
import type { SimContext } from '../engine/types.js';
import type { ErrorCause, Request } from './request.js';
import type { FlowControl, Step } from './step.js';

export interface ResponseListener {
  /** Called once per request when its response is sent (success or error). */
  (req: Request): void;
}

export class FlowRunner implements FlowControl {
  /** Requests started, responded, ended — the conservation check reads these. */
  started = 0;
  responded = 0;
  ended = 0;

  /** Further listeners (time series, tests); the main one is the constructor's. */
  private listeners: ResponseListener[] = [];

  constructor(
    private readonly ctx: SimContext,
    private readonly onRespond: ResponseListener,
  ) {}

  /** Hear every response too (after the main listener); returns a function that stops it. */
  addResponseListener(listener: ResponseListener): () => void {
    this.listeners = [...this.listeners, listener];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** Start `req` on `flow` (its endpoint's steps). */
  start(req: Request, flow: readonly Step[]): void {
    this.started++;
    req.flow = flow;
    req.pc = 0;
    req.phase = 0;
    this.run(req);
  }

  next(req: Request): void {
    req.pc++;
    req.phase = 0;
    this.run(req);
  }

  enter(req: Request, steps: readonly Step[]): void {
    req.stack.push(req.flow, req.pc);
    req.flow = steps;
    req.pc = 0;
    req.phase = 0;
    this.run(req);
  }

  resume(req: Request): void {
    if (req.aborted) return this.end(req);
    req.flow[req.pc]!.run(req, this);
  }

  fail(req: Request, cause: ErrorCause, status = 503): void {
    if (!req.responded) {
      req.error = cause;
      this.respond(req, status);
    }
    this.end(req);
  }

  /** Abort from outside the flow (a timeout): answer now, release when in-flight work returns. */
  abort(req: Request, cause: ErrorCause, status = 504): void {
    if (req.ended || req.aborted) return;
    req.aborted = true;
    if (!req.responded) {
      req.error = cause;
      this.respond(req, status);
    }
  }

  respond(req: Request, status: number): void {
    if (req.responded) return;
    req.responded = true;
    req.status = status;
    req.respondedAt = this.ctx.now;
    this.responded++;
    this.onRespond(req);
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(req);
    if (req.source) req.source.onResponse(req);
  }

  private run(req: Request): void {
    // unwind finished sub-flows; an empty stack at the end of the flow means the request is done
    while (req.pc >= req.flow.length) {
      if (req.stack.length === 0) {
        if (!req.responded) this.respond(req, 200);
        return this.end(req);
      }
      req.pc = (req.stack.pop() as number) + 1;
      req.flow = req.stack.pop() as readonly Step[];
      req.phase = 0;
    }
    if (req.aborted) return this.end(req);
    req.flow[req.pc]!.run(req, this);
  }

  private end(req: Request): void {
    if (req.ended) return;
    req.ended = true;
    this.ended++;
    if (req.timer >= 0) {
      this.ctx.cancel(req.timer);
      req.timer = -1;
    }
    const held = req.held;
    for (let i = held.length - 1; i >= 0; i--) held[i]!.release(req);
    held.length = 0;
  }
}
