/**
 * One HTTP exchange as an undici dispatch handler. The handler object carries the request's
 * timestamps (intended, dispatched, written to the socket, finished) and is recycled through
 * a free list, so the hot path allocates no closures and no promises per request.
 */
import type { Dispatcher } from 'undici';
import { DriverTimeoutError } from './outcome.js';
import type { CompiledTask, PreparedRequest, RequestContext } from './tasks.js';

/** Timestamps come from the monotonic clock in milliseconds with µs resolution. */
export const nowMs = (): number => performance.now();

/** Told once per exchange, after the response ended or failed. */
export interface ExchangeOwner {
  finish(ex: Exchange): void;
}

export class Exchange implements Dispatcher.DispatchHandler {
  owner: ExchangeOwner | null = null;
  task: CompiledTask | null = null;
  ctx: RequestContext | null = null;
  /** When the schedule said to send (open loop) or when the user began (closed loop). */
  intendedMs = 0;
  dispatchedMs = 0;
  /** When undici wrote it to a socket: later than dispatchedMs if every connection was busy. */
  writtenMs = 0;
  endMs = 0;
  deadlineMs = Infinity;
  measured = false;
  status = 0;
  error: Error | null = null;
  expired = false;
  done = false;
  private controller: Dispatcher.DispatchController | null = null;
  private chunks: Buffer[] | null = null;

  /** Send `req` on `dispatcher`; every outcome, even a synchronous throw, ends in owner.finish. */
  start(dispatcher: Dispatcher, req: PreparedRequest, timeoutMs: number): void {
    const task = this.task!;
    this.dispatchedMs = nowMs();
    this.deadlineMs = this.intendedMs + timeoutMs;
    this.chunks = task.spec.capture === undefined ? null : [];
    this.ctx = req.ctx;
    try {
      dispatcher.dispatch({ path: req.path, method: task.method, body: req.body, headers: req.headers }, this);
    } catch (err) {
      this.onResponseError(null, err as Error);
    }
  }

  /** Abort if the deadline has passed; returns true when it did. Called by a periodic sweep. */
  expireIfLate(now: number, timeoutMs: number): boolean {
    if (this.done || this.expired || now < this.deadlineMs) return false;
    this.expired = true;
    // With no controller yet it still waits for a connection; onRequestStart aborts it then.
    this.controller?.abort(new DriverTimeoutError(timeoutMs));
    return true;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.writtenMs === 0) this.writtenMs = nowMs();
    if (this.expired) controller.abort(new DriverTimeoutError(this.deadlineMs - this.intendedMs));
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.chunks !== null) this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.end(null);
  }

  onResponseError(_c: Dispatcher.DispatchController | null, error: Error): void {
    this.end(error);
  }

  /** The response body parsed as JSON (only kept for tasks with `capture`). */
  json(): unknown {
    if (this.chunks === null || this.chunks.length === 0) return undefined;
    return JSON.parse(Buffer.concat(this.chunks).toString('utf8'));
  }

  private end(error: Error | null): void {
    if (this.done) return;
    this.done = true;
    this.endMs = nowMs();
    this.error = error;
    this.controller = null;
    this.owner!.finish(this);
  }

  reset(): void {
    this.owner = null;
    this.task = null;
    this.ctx = null;
    this.chunks = null;
    this.controller = null;
    this.error = null;
    this.writtenMs = this.endMs = this.status = 0;
    this.deadlineMs = Infinity;
    this.measured = this.expired = this.done = false;
  }
}

/** Free list of exchanges: the hot loop reuses handler objects instead of allocating them. */
export class ExchangePool {
  private readonly free: Exchange[] = [];

  acquire(owner: ExchangeOwner, task: CompiledTask, intendedMs: number, measured: boolean): Exchange {
    const ex = this.free.pop() ?? new Exchange();
    ex.owner = owner;
    ex.task = task;
    ex.intendedMs = intendedMs;
    ex.measured = measured;
    return ex;
  }

  release(ex: Exchange): void {
    ex.reset();
    this.free.push(ex);
  }
}
