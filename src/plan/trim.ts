/**
 * Knobs the price book does not charge for — pool size, cache capacity, database cores when
 * the instance type sets the price — are held at their top while the priced knobs are
 * searched (free capacity never hurts). Then each is trimmed in turn to the least value that
 * still passes, by bisection over its values: the plan is the cheapest configuration, and
 * among those, the leanest.
 */
import type { Candidate } from './types.js';

export interface TrimSpace {
  /** Each knob's values, low to high. */
  readonly axes: readonly (readonly number[])[];
  /** Indexes of the knobs to trim, in order. */
  readonly free: readonly number[];
  /** Per knob, the first index the utilisation bound allows. */
  readonly lowest: readonly number[];
  feasible(values: readonly number[]): boolean;
  /** Simulate; null when the budget is spent. */
  evaluate(values: readonly number[]): Candidate | null;
}

export interface Trimmed {
  readonly plan: Candidate;
  readonly failed: readonly Candidate[];
}

export function trimFree(space: TrimSpace, plan: Candidate, planValues: readonly number[]): Trimmed {
  const values = [...planValues];
  let best = plan;
  const failed: Candidate[] = [];
  for (const i of space.free) {
    const axis = space.axes[i]!;
    let lo = Math.min(space.lowest[i]!, axis.indexOf(values[i]!));
    let hi = axis.indexOf(values[i]!);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const trial = values.map((v, j) => (j === i ? axis[mid]! : v));
      if (!space.feasible(trial)) { lo = mid + 1; continue; }
      const c = space.evaluate(trial);
      if (c === null) return { plan: best, failed };
      if (c.pass) { hi = mid; best = c; values[i] = axis[mid]!; } else { lo = mid + 1; failed.push(c); }
    }
  }
  return { plan: best, failed };
}
