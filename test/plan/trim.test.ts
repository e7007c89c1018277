// Free knobs are trimmed by bisection to the least value that still passes, one at a time,
// never below the utilisation bound and never past the evaluation budget.
import { describe, expect, it } from 'vitest';
import { trimFree } from '../../src/plan/trim.js';
import type { Candidate } from '../../src/plan/types.js';

const candidate = (values: readonly number[], pass: boolean): Candidate => ({
  config: { a: values[0]!, b: values[1]! }, costPerHour: 1, costPerMillion: null, pass, slo: [],
  figures: { p50Ms: null, p95Ms: null, p99Ms: null, meanMs: null, errorRate: 0, throughput: 0 }, busiest: null, why: null,
});

const axes = [[1, 2, 3, 4, 5, 6, 7, 8], [100, 200, 400, 800, 1600]];

describe('trimFree', () => {
  it('finds the least passing value of each free knob in log2 steps', () => {
    const tried: number[][] = [];
    const passes = (v: readonly number[]) => v[0]! >= 3 && v[1]! >= 400;
    const out = trimFree({
      axes, free: [0, 1], lowest: [0, 0], feasible: () => true,
      evaluate: (v) => { tried.push([...v]); return candidate(v, passes(v)); },
    }, candidate([8, 1600], true), [8, 1600]);
    expect(out.plan.config).toEqual({ a: 3, b: 400 });
    expect(tried.length).toBeLessThanOrEqual(Math.ceil(Math.log2(8)) + Math.ceil(Math.log2(5)));
    expect(out.failed.every((c) => !passes([c.config.a!, c.config.b!]))).toBe(true);
  });

  it('does not go below the bound, and keeps the last pass when the budget runs out', () => {
    const seen: number[] = [];
    const out = trimFree({
      axes, free: [0], lowest: [4], feasible: () => true,
      evaluate: (v) => { seen.push(v[0]!); return seen.length > 1 ? null : candidate(v, true); },
    }, candidate([8, 100], true), [8, 100]);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(axes[0]![4]!);
    expect(out.plan.config.a).toBe(seen[0]);
  });
});
