import { describe, expect, it } from 'vitest';
import { paretoFrontier } from '../../src/report/pareto.js';

interface Option { name: string; cost: number; p95: number }
const frontier = (items: Option[]) => paretoFrontier(items, (o) => o.cost, (o) => o.p95).map((o) => o.name);

describe('paretoFrontier: cheapest for a given p95', () => {
  const options: Option[] = [
    { name: 'monolith', cost: 0.6, p95: 900 },
    { name: 'indexes', cost: 0.6, p95: 300 },        // same cost, faster: dominates monolith
    { name: 'cache', cost: 0.75, p95: 40 },
    { name: 'replicas', cost: 1.0, p95: 120 },      // dearer and slower than cache: dominated
    { name: '4 instances', cost: 1.3, p95: 35 },
    { name: 'everything', cost: 2.5, p95: 35 },     // same p95 as 4 instances, dearer: dominated
    { name: 'big box', cost: 3.0, p95: 20 },
  ];

  it('keeps exactly the non-dominated options, fastest first', () => {
    expect(frontier(options)).toEqual(['big box', '4 instances', 'cache', 'indexes']);
  });

  it('keeps exact duplicates (neither is strictly better)', () => {
    expect(frontier([{ name: 'a', cost: 1, p95: 10 }, { name: 'b', cost: 1, p95: 10 }, { name: 'c', cost: 2, p95: 20 }]))
      .toEqual(['a', 'b']);
  });

  it('ignores non-finite measurements and handles the empty set', () => {
    expect(frontier([{ name: 'x', cost: NaN, p95: 1 }, { name: 'y', cost: 1, p95: Infinity }, { name: 'z', cost: 5, p95: 5 }]))
      .toEqual(['z']);
    expect(frontier([])).toEqual([]);
  });
});
