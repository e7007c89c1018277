/**
 * Vega-Lite specs of the validation report, one per configuration: latency (p50, p95, p99)
 * against load, measured as solid lines and predicted as dashed ones, beside throughput
 * against load, so a model that bends too early or too late shows at a glance. Where a task
 * queue runs, its task latency (enqueue → done) joins the latency chart.
 */
import type { ConfigResult } from './result.js';

type Row = { load: number; series: string; source: 'measured' | 'predicted'; value: number };

function rows(c: ConfigResult, pick: (f: ConfigResult['levels'][number]['measured']) => Record<string, number | null>): Row[] {
  const out: Row[] = [];
  for (const l of c.levels) {
    for (const source of ['measured', 'predicted'] as const) {
      for (const [series, value] of Object.entries(pick(l[source]))) {
        if (value !== null && Number.isFinite(value) && value > 0) out.push({ load: l.load, series, source, value });
      }
    }
  }
  return out;
}

function layer(title: string, unit: string, xTitle: string, values: Row[], log: boolean): Record<string, unknown> {
  return {
    title, width: 320, height: 220,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'load', type: 'quantitative', title: xTitle },
      y: { field: 'value', type: 'quantitative', title: unit, scale: log ? { type: 'log' } : { zero: true } },
      color: { field: 'series', type: 'nominal', title: null },
      strokeDash: { field: 'source', type: 'nominal', title: null, scale: { domain: ['measured', 'predicted'], range: [[1, 0], [6, 4]] } },
      tooltip: [{ field: 'source' }, { field: 'series' }, { field: 'load', format: '.1f' }, { field: 'value', format: '.3f' }],
    },
  };
}

export function configSpec(c: ConfigResult): Record<string, unknown> {
  const xTitle = c.loadUnit === 'req/s' ? 'Offered load (req/s)' : 'Users';
  const latency = rows(c, (f) => ({ p50: f.p50, p95: f.p95, p99: f.p99, 'task p50': f.taskP50, 'task p95': f.taskP95 }));
  const throughput = rows(c, (f) => ({ throughput: f.throughput }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: c.title, subtitle: `exercises ${c.exercises}; solid measured, dashed predicted` },
    hconcat: [layer('Latency', 'ms (log scale)', xTitle, latency, true), layer('Throughput', 'responses/s', xTitle, throughput, false)],
    resolve: { scale: { color: 'independent' } },
    config: { font: 'DejaVu Sans, Helvetica, Arial, sans-serif' },
  };
}
