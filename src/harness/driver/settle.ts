/**
 * Turn a finished exchange into tallies: success or error kind, latency (if the request
 * belongs to the measured window) and a windowed completion. Shared by both drivers so that
 * "what counts as an error" has one definition.
 */
import type { Exchange } from './exchange.js';
import { errorKind, statusKind } from './outcome.js';
import type { TaskTally } from './stats.js';

export interface Window {
  readonly startMs: number;
  readonly endMs: number;
}

/** Record `ex` in `tally`; returns whether it succeeded. Runs the task's capture on success. */
export function settle(ex: Exchange, tally: TaskTally, window: Window): boolean {
  const task = ex.task!;
  if (ex.error !== null) {
    if (ex.measured) tally.error(errorKind(ex.error), ex.error.message || ex.error.name);
    return false;
  }
  let ok = task.expected[ex.status] === 1;
  let clientError: string | null = null;
  if (ok && task.spec.capture !== undefined) {
    try {
      task.spec.capture(ex.json(), ex.ctx!);
    } catch (err) {
      ok = false;
      clientError = `task "${task.name}": capture failed: ${(err as Error).message}`;
    }
  }
  if (ex.measured) {
    tally.response(ex.status, ok, ex.endMs - ex.intendedMs);
    if (clientError !== null) tally.error('client', clientError);
    else if (!ok) tally.error(statusKind(ex.status), `HTTP ${ex.status} from ${task.method} ${task.spec.path}`);
  }
  if (ex.endMs >= window.startMs && ex.endMs < window.endMs) tally.windowResponse(ok);
  return ok;
}
