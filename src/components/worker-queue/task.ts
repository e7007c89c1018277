/**
 * A task is a Request that no client waits for: it runs its task's flow on a worker (its
 * `instance`), so db, cache and cpu steps work inside tasks unchanged. It is born answered
 * (`responded`), so no runner ever counts it as an HTTP response; the queue learns how an
 * attempt ended through the Releasable it pushes on `held`. Each attempt is a fresh Task.
 */
import { Request } from '../../flow/request.js';
import type { TaskSettings } from './settings.js';

export class Task extends Request {
  /** When it was first published: task latency runs from here to completion. */
  enqueuedAt = 0;
  /** When it last entered the ready queue (queue wait runs from here to a worker taking it). */
  readyAt = 0;
  /** The request that published it, resumed once the broker has it; null after that. */
  publisher: Request | null = null;
  /** The worker running it, and its position in that worker's running list. */
  worker: unknown = null;
  slot = -1;
  /** The delay drawn before this attempt (decorrelated jitter grows from it). */
  previousDelay = 0;
  /** The attempt reached its end (not cut short by an error), and did not fail there. */
  finished = false;
  succeeded = false;
  /** Its worker crashed while it ran: the crash already settled its fate. */
  lost = false;

  constructor(readonly def: TaskSettings, keySpaces: number) {
    super(keySpaces);
    this.responded = true;
    this.endpoint = -1;
  }

  /** A first attempt published now with `keys` (copied: the task outlives the request). */
  static publish(def: TaskSettings, id: number, keys: readonly number[], now: number): Task {
    const t = new Task(def, keys.length);
    for (let i = 0; i < keys.length; i++) t.keys[i] = keys[i]!;
    t.id = id;
    t.startedAt = now;
    t.enqueuedAt = now;
    return t;
  }

  /** The next attempt of `prev`: a retry (attempt + 1) or a redelivery (same attempt). */
  static again(prev: Task, retry: boolean): Task {
    const t = Task.publish(prev.def, prev.id, prev.keys, prev.enqueuedAt);
    t.startedAt = prev.startedAt;
    t.attempt = retry ? prev.attempt + 1 : prev.attempt;
    t.previousDelay = prev.previousDelay;
    return t;
  }
}
