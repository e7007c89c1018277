/**
 * The search proper: walk the grid cheapest first from the bounds; skip configurations the
 * utilisation law rules out, those with no more capacity than one that failed (they fail
 * too: more capacity never hurts) and those with at least a passing one's (they pass, but
 * cost no less); simulate the rest. The first to pass is the plan; simulating goes on until
 * the runners-up are found or the budget is spent.
 */
import { covers, Lattice, type Point } from './lattice.js';
import type { Candidate } from './types.js';

export interface SearchSpace {
  readonly sizes: readonly number[];
  readonly start: Point;
  costOf(p: Point): number;
  /** False when the utilisation bound rules the configuration out. */
  feasible(p: Point): boolean;
  /** A configuration simulated before the search (the feasibility check), if this is one. */
  known(p: Point): Candidate | undefined;
  /** Simulate the configuration. */
  evaluate(p: Point): Candidate;
}

export interface SearchLimits {
  /** Configurations that may still be simulated. */
  readonly evaluations: number;
  /** Passing configurations wanted after the plan. */
  readonly runnersUp: number;
  /** Grid points visited at most (a guard against walking a huge infeasible region). */
  readonly visits?: number;
}

export interface SearchOutcome {
  readonly passed: readonly Candidate[];
  readonly failed: readonly { readonly point: Point; readonly candidate: Candidate }[];
  readonly ruledOut: number;
  readonly prunedFailing: number;
  readonly prunedPassing: number;
  readonly stoppedBy: 'found' | 'budget' | 'grid exhausted';
}

export function search(space: SearchSpace, limits: SearchLimits): SearchOutcome {
  const lattice = new Lattice(space.sizes, space.start, (p) => space.costOf(p));
  const passed: { point: Point; candidate: Candidate }[] = [];
  const failed: { point: Point; candidate: Candidate }[] = [];
  let ruledOut = 0;
  let prunedFailing = 0;
  let prunedPassing = 0;
  let budget = limits.evaluations;
  let visits = limits.visits ?? 1_000_000;
  const done = (stoppedBy: SearchOutcome['stoppedBy']): SearchOutcome =>
    ({ passed: passed.map((p) => p.candidate), failed, ruledOut, prunedFailing, prunedPassing, stoppedBy });

  for (let p = lattice.next(); p !== null; p = lattice.next()) {
    if (visits-- <= 0) return done('budget');
    const point = p;
    if (!space.feasible(point)) { ruledOut++; continue; }
    if (failed.some((f) => covers(f.point, point))) { prunedFailing++; continue; }
    if (passed.some((q) => covers(point, q.point))) { prunedPassing++; continue; }
    let candidate = space.known(point);
    if (candidate === undefined) {
      if (budget <= 0) return done('budget');
      budget--;
      candidate = space.evaluate(point);
    }
    (candidate.pass ? passed : failed).push({ point, candidate });
    if (passed.length > limits.runnersUp) return done('found');
  }
  return done('grid exhausted');
}
