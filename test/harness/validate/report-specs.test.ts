// The validation report's chart spec: measured and predicted series per figure, task latency
// only where a task queue ran, and nothing plotted that is missing or not positive.
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../../src/harness/validate/compare.js';
import { configSpec } from '../../../src/harness/validate/report-specs.js';
import type { ConfigResult, LevelResult } from '../../../src/harness/validate/result.js';

const figures = (o: Partial<Figures>): Figures => ({ throughput: 100, p50: 2, p95: 5, p99: 9, poolWaitMs: 0, hitRatio: null, taskP50: null, taskP95: null, ...o });

function config(levels: { measured: Figures; predicted: Figures }[]): ConfigResult {
  return {
    name: 'async-interactions', title: 't', exercises: 'e', variant: 'pool10-queue', workload: { kind: 'open', endpoint: 'record_interaction' },
    loadUnit: 'req/s', model: 'm.yaml', saturation: { measured: 1, predicted: 1, error: 0, withinTarget: true, reached: true },
    levels: levels.map((l, i) => ({ ...l, load: 100 * (i + 1) }) as unknown as LevelResult),
  };
}

type Spec = { hconcat: { data: { values: { series: string; source: string; value: number }[] } }[] };

describe('configSpec', () => {
  it('plots task latency beside p50/p95/p99 where the queue ran, measured and predicted', () => {
    const spec = configSpec(config([{ measured: figures({ taskP50: 7, taskP95: 19 }), predicted: figures({ taskP50: 9.5, taskP95: 23 }) }])) as unknown as Spec;
    const latency = spec.hconcat[0]!.data.values;
    expect(latency.filter((r) => r.series === 'task p95').map((r) => [r.source, r.value])).toEqual([['measured', 19], ['predicted', 23]]);
    expect(new Set(latency.map((r) => r.series))).toEqual(new Set(['p50', 'p95', 'p99', 'task p50', 'task p95']));
  });

  it('leaves out missing and non-positive figures (a log scale cannot show them)', () => {
    const spec = configSpec(config([{ measured: figures({ p99: null }), predicted: figures({ p50: 0 }) }])) as unknown as Spec;
    const latency = spec.hconcat[0]!.data.values;
    expect(latency.some((r) => r.series.startsWith('task'))).toBe(false);
    expect(latency.filter((r) => r.series === 'p99').map((r) => r.source)).toEqual(['predicted']);
    expect(latency.filter((r) => r.series === 'p50').map((r) => r.source)).toEqual(['measured']);
  });
});
