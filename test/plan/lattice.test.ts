// The best-first walk must hand out every configuration of the grid exactly once, in order
// of cost (then notches), and the search over it must find the cheapest passing one while
// simulating fewer than the grid holds when passing is monotone in capacity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridSize, Lattice, type Point } from '../../src/plan/lattice.js';
import { search, type Trial } from '../../src/plan/search.js';
import type { Candidate } from '../../src/plan/types.js';

const all = (sizes: readonly number[]): Point[] =>
  sizes.reduce<Point[]>((acc, n) => acc.flatMap((p) => Array.from({ length: n }, (_, i) => [...p, i])), [[]]);

describe('Lattice', () => {
  it('visits the whole grid once, cheapest first', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 3, maxLength: 3 }),
      (sizes, prices) => {
        const cost = (p: Point) => p.reduce((s, x, i) => s + x * prices[i]!, 0);
        const lattice = new Lattice(sizes, sizes.map(() => 0), cost);
        const seen: Point[] = [];
        for (let p = lattice.next(); p !== null; p = lattice.next()) seen.push(p);
        expect(seen.length).toBe(gridSize(sizes));
        expect(new Set(seen.map((p) => p.join(','))).size).toBe(seen.length);
        for (let i = 1; i < seen.length; i++) expect(cost(seen[i]!)).toBeGreaterThanOrEqual(cost(seen[i - 1]!));
      },
    ));
  });

  it('starts at the given corner and never goes below it', () => {
    const lattice = new Lattice([4, 4], [2, 1], (p) => p[0]! + p[1]!);
    const seen: Point[] = [];
    for (let p = lattice.next(); p !== null; p = lattice.next()) seen.push(p);
    expect(seen[0]).toEqual([2, 1]);
    expect(seen).toHaveLength(2 * 3);
    expect(seen.every((p) => p[0]! >= 2 && p[1]! >= 1)).toBe(true);
  });
});

const candidate = (p: Point, pass: boolean, cost: number): Candidate => ({
  config: { a: p[0]!, b: p[1]! }, costPerHour: cost, costPerMillion: null, pass, slo: [],
  figures: { p50Ms: null, p95Ms: null, p99Ms: null, meanMs: null, errorRate: 0, throughput: 0 }, busiest: null, why: pass ? null : 'x',
});

describe('search', () => {
  // passing needs capacity a + b >= 9 with a >= 3: monotone, so more capacity never hurts
  const sizes = [8, 8];
  const cost = (p: Point) => 1 * p[0]! + 2.5 * p[1]!;
  const passes = (p: Point) => p[0]! + p[1]! >= 9 && p[0]! >= 3;
  const optimumOf = () => Math.min(...all(sizes).filter(passes).map(cost));

  it('finds the brute-force optimum, simulating nothing dearer before it', () => {
    const costs: number[] = [];
    const outcome = search({
      sizes, start: [0, 0], costOf: cost, feasible: () => true, known: () => undefined,
      evaluate: (p): Trial => { costs.push(cost(p)); return { candidate: candidate(p, passes(p), cost(p)), saturated: [] }; },
    }, { evaluations: 100, runnersUp: 1 });
    const untilPlan = costs.slice(0, outcome.failed.filter((c) => c.costPerHour < optimumOf()).length + 1);
    const optimum = optimumOf();
    expect(outcome.passed[0]!.costPerHour).toBe(optimum);
    expect(outcome.passed[0]!.config).toEqual({ a: 7, b: 2 });
    expect(outcome.passed[1]!.costPerHour).toBeGreaterThanOrEqual(optimum);
    expect(outcome.stoppedBy).toBe('found');
    // cheapest first: everything simulated up to the plan is no dearer than it
    expect(untilPlan.at(-1)).toBe(optimum);
    expect(untilPlan.every((c) => c <= optimum)).toBe(true);
    expect(untilPlan.length).toBe(all(sizes).filter((p) => cost(p) < optimum).length + 1);
  });

  it('skips what the bound rules out and what a saturated resource condemns', () => {
    const evaluated: string[] = [];
    const outcome = search({
      sizes, start: [0, 0], costOf: cost,
      feasible: (p) => p[0]! >= 1,
      known: () => undefined,
      // a failure with a < 3 saturates a resource that only knob 0 relieves
      evaluate: (p): Trial => {
        evaluated.push(p.join(','));
        return { candidate: candidate(p, passes(p), cost(p)), saturated: !passes(p) && p[0]! < 3 ? [[0]] : [] };
      },
    }, { evaluations: 100, runnersUp: 0 });
    expect(evaluated.every((k) => !k.startsWith('0,'))).toBe(true);
    expect(outcome.ruledOut).toBeGreaterThan(0);
    expect(outcome.prunedSaturated).toBeGreaterThan(0);
    expect(evaluated.filter((k) => k.startsWith('1,'))).toEqual(['1,0']);
  });

  it('stops at the budget', () => {
    const outcome = search({
      sizes, start: [0, 0], costOf: cost, feasible: () => true, known: () => undefined,
      evaluate: (p): Trial => ({ candidate: candidate(p, false, cost(p)), saturated: [] }),
    }, { evaluations: 3, runnersUp: 1 });
    expect(outcome.failed).toHaveLength(3);
    expect(outcome.stoppedBy).toBe('budget');
  });
});
