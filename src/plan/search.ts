/**
 * The search proper: walk the grid cheapest first from the bounds; skip configurations the
 * utilisation law rules out, those with no more capacity than one that failed (they fail
 * too: more capacity never hurts), and those leaving a resource that was saturated in a
 * failure no more capacity (nor less load); simulate the rest. The first to pass is the
 * plan; the next one simulated that passes is the runner-up, then the search stops.
 */
import { covers, Lattice, type Point } from './lattice.js';
import type { Candidate } from './types.js';

export interface Trial {
  readonly candidate: Candidate;
  /** For each resource saturated in this run, the knobs (indexes) that could relieve it. */
  readonly saturated: readonly (readonly number[])[];
}

export interface SearchSpace {
  readonly sizes: readonly number[];
  readonly start: Point;
  costOf(p: Point): number;
  /** False when the utilisation bound (or a connection limit) rules the configuration out. */
  feasible(p: Point): boolean;
  /** A configuration simulated before the search (the top one), if this is one. */
  known(p: Point): Trial | undefined;
  /** Simulate the configuration. */
  evaluate(p: Point): Trial;
}

export interface SearchLimits {
  /** Configurations that may still be simulated. */
  readonly evaluations: number;
  /** Passing configurations wanted after the plan. */
  readonly runnersUp: number;
  /** Grid points visited at most (a guard against walking a huge ruled-out region). */
  readonly visits?: number;
}

interface Visited { readonly point: Point; readonly trial: Trial }

export interface SearchOutcome {
  readonly passed: readonly Candidate[];
  readonly failed: readonly Candidate[];
  readonly ruledOut: number;
  readonly prunedFailing: number;
  readonly prunedSaturated: number;
  readonly stoppedBy: 'found' | 'budget' | 'grid exhausted';
}

export function search(space: SearchSpace, limits: SearchLimits): SearchOutcome {
  const lattice = new Lattice(space.sizes, space.start, (p) => space.costOf(p));
  const passed: Visited[] = [];
  const failed: Visited[] = [];
  const counts = { ruledOut: 0, prunedFailing: 0, prunedSaturated: 0 };
  let budget = limits.evaluations;
  let visits = limits.visits ?? 1_000_000;
  const done = (stoppedBy: SearchOutcome['stoppedBy']): SearchOutcome =>
    ({ passed: passed.map((v) => v.trial.candidate), failed: failed.map((v) => v.trial.candidate), ...counts, stoppedBy });

  for (let p = lattice.next(); p !== null; p = lattice.next()) {
    if (visits-- <= 0) return done('budget');
    const point = p;
    if (!space.feasible(point)) { counts.ruledOut++; continue; }
    if (failed.some((f) => covers(f.point, point))) { counts.prunedFailing++; continue; }
    if (failed.some((f) => saturates(f, point))) { counts.prunedSaturated++; continue; }
    let trial = space.known(point);
    if (trial === undefined) {
      if (budget <= 0) return done('budget');
      budget--;
      trial = space.evaluate(point);
    }
    (trial.candidate.pass ? passed : failed).push({ point, trial });
    if (passed.length > limits.runnersUp) return done('found');
  }
  return done('grid exhausted');
}

/** A resource saturated in failure `f` is as short of capacity in `p`. */
function saturates(f: Visited, p: Point): boolean {
  return f.trial.saturated.some((knobs) => knobs.every((k) => p[k]! <= f.point[k]!));
}
