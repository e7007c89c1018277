/**
 * A simple queue-depth scaler for worker pools (the rule of thumb behind Celery's autoscale
 * and many cron scalers): enough workers for the backlog at `perWorker` tasks each,
 * ceil(backlog / perWorker) within [min, max], at once when it means more workers, and only
 * after the lower count has held for `cooldown` when it means fewer. No tolerance, no
 * policies, and starting workers are not discounted — the contrast with the HPA rules.
 */
import { stabilize, type Recommendation } from './stabilize.js';

export interface QueueDepthSpec {
  /** Target tasks waiting per worker (> 0). */
  readonly perWorker: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Seconds a lower count must hold before workers are removed. */
  readonly cooldown: number;
}

/** The workers to run now, given the `current` count and the `backlog` (tasks waiting);
 * `history` keeps the recent raw counts between calls (updated in place). */
export function queueDepthReplicas(
  history: Recommendation[],
  current: number,
  backlog: number,
  now: number,
  spec: QueueDepthSpec,
): number {
  if (!(backlog >= 0)) throw new RangeError(`queueDepthReplicas: backlog must be >= 0, got ${backlog}`);
  // as the HPA does, the count found at the first call holds the cooldown
  if (history.length === 0) history.push({ t: now, replicas: current });
  const raw = Math.min(spec.maxReplicas, Math.max(spec.minReplicas, Math.ceil(backlog / spec.perWorker - 1e-9)));
  return stabilize(history, now, current, raw, { up: 0, down: spec.cooldown });
}
