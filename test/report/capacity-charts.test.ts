import { describe, expect, it } from 'vitest';
import type { ExperimentResults, TimeSeries, TimeWindow } from '../../src/experiment/results.js';
import { buildCharts } from '../../src/report/charts/index.js';
import { queueDepth } from '../../src/report/charts/queue-depth.js';
import { replicas } from '../../src/report/charts/replicas.js';
import { shardLoad } from '../../src/report/charts/shard-load.js';
import { chartSvg, compileChart } from '../../src/report/render.js';
import { buildResults } from './fixture.js';

const base = buildResults({ instances: null });

const win = (t: number, extra: Record<string, number>): TimeWindow =>
  ({ t, offered: 100 + t, throughput: 100, p95Ms: 8, errors: 0, queues: {}, extra });

const asyncSeries: TimeSeries = {
  strategy: 'cache', point: { users: 2000 }, window: 5,
  windows: [0, 5, 10, 15].map((t) => win(t, { 'replicas.tasks': 2, 'starting.tasks': 0, 'depth.tasks': t / 5, 'task_p95_ms.tasks': 4 + t, cost_per_hour: 1.5 })),
};
const scaledSeries: TimeSeries = {
  strategy: 'replicas', point: { users: 2000 }, window: 5,
  windows: [[1, 1, 1], [1, 2, 2], [3, 0, 3], [3, 0, 3]].map(([r, s, c], i) => win(i * 5, { 'replicas.app': r!, 'starting.app': s!, cost_per_hour: c! })),
};
const rich: ExperimentResults = {
  ...base,
  timeseries: [asyncSeries, scaledSeries],
  rows: base.rows.map((r) => (r.strategy !== 'replicas' ? r : {
    ...r, hotToMean: 1.5,
    shards: ['s1', 's2'].map((name, i) => ({ router: 'users', name, utilisation: i === 0 ? 0.6 : 0.2, share: i === 0 ? 0.75 : 0.25 })),
  })),
};

function values(spec: object, panel: number): Record<string, unknown>[] {
  const layers = (spec as { vconcat: { layer: { data: { values: Record<string, unknown>[] } }[] }[] }).vconcat[panel]!.layer;
  return layers[0]!.data.values;
}

describe('capacity-over-time charts', () => {
  it('are left out when the results hold no worker queue, replica or shard figures', () => {
    expect(queueDepth(base)).toBeNull();
    expect(replicas(base)).toBeNull();
    expect(shardLoad(base)).toBeNull();
    expect(buildCharts(base).map((c) => c.name)).not.toContain('replicas');
  });

  it('queue-depth: depth and task p95 per window beside the HTTP p95, worst values in the subtitle', () => {
    const spec = queueDepth(rich)!;
    expect(values(spec, 0).map((v) => v.value)).toEqual([0, 1, 2, 3]);
    expect(values(spec, 0).map((v) => v.t)).toEqual([2.5, 7.5, 12.5, 17.5]);
    const p95 = values(spec, 1);
    expect(p95.filter((v) => v.series === 'task p95 (publish → done)').map((v) => v.value)).toEqual([4, 9, 14, 19]);
    expect(p95.filter((v) => v.series === 'HTTP response p95')).toHaveLength(4);
    expect(JSON.stringify(spec.title)).toContain('peak 3');
    expect(JSON.stringify(spec.title)).toContain('worst 19 ms');
  });

  it('replicas: picks the scenario whose counts move, draws counts at the window end, averages cost', () => {
    const spec = replicas(rich)!;
    expect((spec.title as { text: string }).text).toBe('Replicas and cost over time — replicas at users 2,000');
    const counts = values(spec, 0);
    expect(counts.filter((v) => v.series === 'app').map((v) => [v.t, v.value])).toEqual([[5, 1], [10, 1], [15, 3], [20, 3]]);
    expect(counts.filter((v) => v.series === 'app starting').map((v) => v.value)).toEqual([1, 2, 0, 0]);
    expect(JSON.stringify(spec.title)).toContain('mean $2.25/h');
    expect(JSON.stringify(spec.title)).toContain('peak 3');
  });

  it('shard-load: one bar per shard and sweep point, hottest-to-mean ratio in the subtitle', () => {
    const spec = shardLoad(rich)!;
    const data = (spec as { data: { values: { shard: string; utilisation: number }[] } }).data.values;
    expect(data).toHaveLength(2 * base.axes[0]!.values.length);
    expect(data.filter((d) => d.shard === 's1').every((d) => d.utilisation === 60)).toBe(true);
    expect(JSON.stringify(spec.title)).toContain('1.5× the mean');
    expect(JSON.stringify(spec.title)).toContain('busiest 60%');
  });

  it('each compiles without a Vega-Lite warning and renders its title and axis titles as text', async () => {
    const expected: Record<string, string[]> = {
      'queue-depth': ['Worker queue over time — cache at users 2,000', 'Tasks waiting', 'p95 (ms)', 'Simulated time (s)'],
      'replicas': ['Replicas and cost over time', 'Instances', 'Cost ($/h)', 'Offered (req/s)', 'Simulated time (s)'],
      'shard-load': ['Load per shard — replicas', 'Shard CPU utilisation (%)', 'Shard', 's1'],
    };
    const charts = buildCharts(rich).filter((c) => c.name in expected);
    expect(charts.map((c) => c.name)).toEqual(Object.keys(expected));
    for (const chart of charts) {
      expect(compileChart(chart.spec).warnings, chart.name).toEqual([]);
      const warnings: string[] = [];
      const svg = await chartSvg(chart.spec, warnings);
      expect(warnings, chart.name).toEqual([]);
      for (const text of expected[chart.name]!) expect(svg, `${chart.name}: ${text}`).toContain(text);
    }
  });
});
