/**
 * Arrival times for an open-loop source, as pure functions of a RateFunction:
 *  - Poisson (non-homogeneous) by Lewis–Shedler thinning: candidates at the bound of the
 *    current segment, each kept with probability λ(t)/bound. Crossing a segment's end
 *    restarts from there with the next bound, which memorylessness makes exact.
 *  - Evenly spaced: arrival k (k = 0, 1, …) when Λ(t) reaches k, as the load driver's
 *    i/rate does, computed from k rather than summed gaps so long runs never drift.
 */
import type { RandomStream } from '../engine/types.js';
import type { RateFunction } from './profiles/rate-function.js';

/**
 * The first Poisson arrival after `t` (exclusive), or Infinity if none comes before
 * `until`. Uses two uniforms per candidate (gap, then accept/reject), all from `rng`.
 */
export function nextPoissonArrival(fn: RateFunction, t: number, until: number, rng: RandomStream): number {
  for (;;) {
    if (t >= until) return Infinity;
    const max = fn.bound(t);
    const end = fn.boundEnd(t);
    if (!(end > t)) throw new Error(`${fn.kind}: bound segment at t=${t} ends at ${end} (must end later)`);
    if (max <= 0) {
      if (end === Infinity) return Infinity;
      t = end;
      continue;
    }
    // rng.next() is in (0, 1), so the gap is finite and > 0
    const candidate = t - Math.log(rng.next()) / max;
    if (candidate >= end) {
      t = end;
      continue;
    }
    t = candidate;
    if (t >= until) return Infinity;
    if (rng.next() * max < fn.rate(t)) return t;
  }
}

/** The time of evenly spaced arrival number `k` (0-based); Infinity if the rate dries up first. */
export function evenArrival(fn: RateFunction, k: number): number {
  return fn.inverse(k);
}
