/**
 * Pareto frontier of scenarios trading cost against latency: the options a reader should
 * choose among, because each is the cheapest way to reach its p95. An item is on the frontier
 * when no other item is at least as cheap and at least as fast and strictly better in one of
 * the two; exact duplicates therefore both stay. Both measures are minimised.
 */

export function paretoFrontier<T>(
  items: readonly T[],
  cost: (item: T) => number,
  latency: (item: T) => number,
): T[] {
  const valid = items.filter((t) => Number.isFinite(cost(t)) && Number.isFinite(latency(t)));
  const dominated = (t: T) => valid.some((o) => {
    const c = cost(o), l = latency(o), ct = cost(t), lt = latency(t);
    return c <= ct && l <= lt && (c < ct || l < lt);
  });
  // Quadratic, but scenarios number in the tens to hundreds and the definition stays visible.
  return valid.filter((t) => !dominated(t))
    .sort((a, b) => latency(a) - latency(b) || cost(a) - cost(b));
}
