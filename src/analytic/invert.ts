/**
 * Numerical inversion of a tail function P(X > t), for quantiles that have no closed
 * form (the M/M/c sojourn time). Bisection is slow but cannot diverge, and a tail is
 * monotone, so a bracket found by doubling always holds the answer.
 */

const MAX_DOUBLINGS = 2000;
const MAX_STEPS = 200;
const REL_TOL = 1e-14;

/**
 * Smallest t >= 0 with tail(t) <= target, for a non-increasing continuous `tail` with
 * tail(0) >= target > 0. `scale` is a positive guess of the answer's size (e.g. the mean).
 */
export function invertTail(tail: (t: number) => number, target: number, scale: number): number {
  if (tail(0) <= target) return 0;
  let lo = 0;
  let hi = scale;
  for (let i = 0; tail(hi) > target; i++) {
    if (i >= MAX_DOUBLINGS) throw new Error(`invertTail: no bracket found for target ${target}`);
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < MAX_STEPS && hi - lo > REL_TOL * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (tail(mid) > target) lo = mid;
    else hi = mid;
  }
  return hi;
}
