/**
 * Stabilisation windows (Kubernetes stabilizeRecommendationWithBehaviors): the scaler keeps
 * its recent raw recommendations; it may scale up no higher than the lowest recommendation
 * within the scale-up window and down no lower than the highest within the scale-down
 * window. A short dip in load therefore does not drop replicas that will be needed again.
 */

export interface Recommendation {
  /** Simulated time it was made. */
  readonly t: number;
  readonly replicas: number;
}

/** Times within this of a window's edge count as on the edge (sync times are float sums). */
const EDGE = 1e-9;

/** True while a record made at `t` is still inside a window of `window` seconds ending at `now`
 * (Kubernetes: timestamp.After(now - window), so a window of 0 holds nothing). */
export function insideWindow(t: number, now: number, window: number): boolean {
  return now - t < window - EDGE;
}

/**
 * The stabilised recommendation for `desired` given the `current` replica count, then
 * records `desired` in `history` (in place) and forgets records older than both windows.
 */
export function stabilize(
  history: Recommendation[],
  now: number,
  current: number,
  desired: number,
  windows: { readonly up: number; readonly down: number },
): number {
  let up = desired;
  let down = desired;
  for (const rec of history) {
    if (insideWindow(rec.t, now, windows.up)) up = Math.min(up, rec.replicas);
    if (insideWindow(rec.t, now, windows.down)) down = Math.max(down, rec.replicas);
  }
  let recommendation = current;
  if (recommendation < up) recommendation = up;
  if (recommendation > down) recommendation = down;
  const keep = Math.max(windows.up, windows.down);
  // filtered in place: the history holds at most one record per sync within the longer window
  let n = 0;
  for (const rec of history) if (insideWindow(rec.t, now, keep)) history[n++] = rec;
  history.length = n;
  history.push({ t: now, replicas: desired });
  return recommendation;
}
