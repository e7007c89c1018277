/**
 * Which read replica takes a read: the one with the fewest queries running, looking from a
 * rotating start so ties (an idle system) go round robin. `start` is the caller's rotation
 * counter; the function allocates nothing.
 */

/** Index in [0, n) of the least loaded replica, ties broken by the first from `start`. */
export function leastBusy(n: number, load: (i: number) => number, start: number): number {
  if (!(n >= 1)) throw new RangeError(`leastBusy: n must be >= 1 (got ${n})`);
  let best = start % n;
  let bestLoad = load(best);
  for (let k = 1; k < n && bestLoad > 0; k++) {
    const i = (start + k) % n;
    const l = load(i);
    if (l < bestLoad) {
      best = i;
      bestLoad = l;
    }
  }
  return best;
}
