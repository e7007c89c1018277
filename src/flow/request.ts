/**
 * One HTTP request as it moves through the simulated stack: which endpoint, its keys, where
 * it is in its flow of steps, and what it holds (an instance's worker, a DB connection).
 * A request is a plain mutable record — the hot loop changes it in place — and the flow
 * runner (runner.ts) is the only code that starts, advances and ends it.
 */
import type { EventId } from '../engine/types.js';
import type { Step } from './step.js';

/** Why a request failed, as counted in reports ("errors by cause"). */
export type ErrorCause =
  | 'accept_queue_full'
  | 'request_timeout'
  | 'client_timeout'
  | 'pool_timeout'
  | 'db_max_connections'
  | 'dropped'
  | 'no_healthy_instance'
  | 'rate_limited'
  | 'circuit_open'
  | 'write_unavailable'
  | 'task_failed';

/** Whoever sent the request hears how it ended (closed-loop users think, then send again). */
export interface RequestSource {
  onResponse(req: Request): void;
}

/** A held resource that must be given back when the request ends, whatever the outcome. */
export interface Releasable {
  release(req: Request): void;
}

export class Request {
  // identity
  id = 0;
  endpoint = 0;
  source: RequestSource | null = null;
  startedAt = 0;
  /** Key value per key space (user, item, …), indexed as the model's key spaces are. */
  keys: number[];
  /** Client attempt number (0 = first try), for retries. */
  attempt = 0;

  // execution: the current flow and program counter, plus a stack of suspended frames
  flow: readonly Step[] = [];
  pc = 0;
  /** Sub-state of the current step (steps are hand-written coroutines). */
  phase = 0;
  /** Scratch counter for the current step (e.g. N+1 repetitions left). */
  counter = 0;
  readonly stack: (readonly Step[] | number)[] = [];

  /** The instance running the request (set by the app tier), and what it holds. */
  instance: unknown = null;
  /** The connection source this request currently holds a connection from, if any. */
  conn: unknown = null;
  /** Resources to release when the request ends (connections, worker slots). */
  readonly held: Releasable[] = [];
  /** Result of the last cache lookup. */
  hit = false;
  /** The response has been sent (success, early 202, or error). */
  responded = false;
  /** Processing must stop at the next completion (timed out or failed). */
  aborted = false;
  /** Cleaned up: resources released, nothing more happens to it. */
  ended = false;
  /** Ended by an error: the cause; null on success. */
  error: ErrorCause | null = null;
  /** HTTP status of the response (200, 202, 429, 503, 504 …). */
  status = 200;
  /** The request's timeout event, cancelled when it ends. */
  timer: EventId = -1;
  /** Time the response was sent. */
  respondedAt = 0;

  constructor(keySpaces: number) {
    this.keys = new Array<number>(keySpaces).fill(0);
  }
}
