// Builds ResultRows for rule and CSV tests: every figure defaults to a quiet, healthy value.
import type { ComponentLoad, Estimate, ResultRow } from '../../src/experiment/results.js';

export const est = (mean: number, n = 3, half = 0): Estimate => ({ mean, low: n > 1 ? mean - half : null, high: n > 1 ? mean + half : null, n });

export function component(name: string, kind: string, utilisation: number, more: Partial<ComponentLoad> = {}): ComponentLoad {
  return { name, kind, utilisation: est(utilisation), ...more };
}

export function makeRow(over: Partial<ResultRow> & { point: Record<string, number> }): ResultRow {
  return {
    strategy: 'baseline',
    offered: 100,
    throughput: est(100),
    p50Ms: est(10),
    p95Ms: est(50),
    p99Ms: est(80),
    meanMs: est(15),
    errorRate: est(0),
    components: [],
    busiest: { name: 'none', utilisation: 0 },
    costPerHour: 1,
    costPerMillion: est(2.5),
    slo: [],
    pass: true,
    ...over,
  };
}
