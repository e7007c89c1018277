/**
 * One scenario over simulated time, as small multiples sharing the time axis: offered load
 * and throughput, p95 per window, queue lengths per component, errors per window (and any
 * extra series). Values are drawn at the middle of their window; the warm-up is shaded: it
 * is simulated but left out of every other figure.
 */
import type { ExperimentResults, TimeSeries, TimeWindow } from '../../experiment/results.js';
import { fmtNumber, fmtValue } from '../format.js';
import { CONFIG, MUTED_COLOUR, strategyColours } from '../theme.js';
import { title } from './layout.js';
import type { Layer, VegaLiteSpec } from './types.js';

const PANEL = { width: 560, height: 105 };

interface Long { t: number; t0: number; t1: number; series: string; value: number }

function long(ts: TimeSeries, pick: (w: TimeWindow) => Record<string, number | null | undefined>): Long[] {
  return ts.windows.flatMap((w) => Object.entries(pick(w))
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .map(([series, value]) => ({ t: w.t + ts.window / 2, t0: w.t, t1: w.t + ts.window, series, value })));
}

interface PanelOptions { yTitle: string; colour: object; bottom: boolean; warmup: number; domain: [number, number]; bars?: boolean; dashed?: string[] }

function panel(values: Long[], o: PanelOptions): { width: number; height: number; layer: Layer[] } {
  // Only the bottom panel carries the time axis' labels and title; the others keep the grid.
  const axis = o.bottom ? { title: 'Simulated time (s)' } : { title: null, labels: false, ticks: false, domain: false };
  const x = { field: o.bars ? 't0' : 't', type: 'quantitative' as const, scale: { domain: o.domain, nice: false, zero: false }, axis };
  // All zeros (no errors, empty queues) would collapse the axis to one "0.000000" tick.
  const flat = !values.some((v) => v.value > 0);
  const y = {
    field: 'value', type: 'quantitative' as const, title: o.yTitle,
    scale: flat ? { domain: [0, 1] } : { zero: true }, axis: { tickCount: 4, minExtent: 44 },
  };
  const tooltip = [{ field: 't0', title: 'Window from (s)' }, { field: 'series', title: 'Series' }, { field: 'value', title: o.yTitle, format: ',.1f' }];
  const dashed = o.dashed ?? [];
  const isDashed = `indexof(${JSON.stringify(dashed)}, datum.series) >= 0`;
  const line = (dash: boolean): Layer => ({
    data: { values },
    transform: [{ filter: dash ? isDashed : `!(${isDashed})` }],
    mark: { type: 'line', strokeWidth: 2, ...(dash ? { strokeDash: [5, 3] } : {}) },
    encoding: { x, y, color: o.colour, tooltip },
  });
  const data: Layer[] = o.bars
    ? [{ data: { values }, mark: { type: 'rect', opacity: 0.85 }, encoding: { x, x2: { field: 't1' }, y, color: o.colour, tooltip } }]
    : dashed.length > 0 ? [line(false), line(true)] : [{ data: { values }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: o.colour, tooltip } }];
  const layers: Layer[] = [
    {
      data: { values: [{ from: o.domain[0], to: o.warmup }] },
      mark: { type: 'rect', color: '#000000', opacity: 0.05 },
      encoding: { x: { field: 'from', type: 'quantitative', axis }, x2: { field: 'to' } },
    },
    ...data,
  ];
  return { width: PANEL.width, height: PANEL.height, layer: o.warmup > o.domain[0] ? layers : layers.slice(1) };
}

function pointText(results: ExperimentResults, ts: TimeSeries): string {
  return Object.entries(ts.point).map(([name, v]) => {
    const label = results.axes.find((a) => a.name === name)?.label ?? name;
    return `${label} ${fmtValue(v)}`;
  }).join(', ');
}

export function timeseries(results: ExperimentResults): VegaLiteSpec | null {
  const ts = results.timeseries[0];
  if (!ts || ts.windows.length === 0 || !(ts.window > 0)) return null;
  const start = Math.min(...ts.windows.map((w) => w.t));
  const domain: [number, number] = [start, Math.max(...ts.windows.map((w) => w.t)) + ts.window];
  const warmup = Math.max(start, results.experiment.warmup);
  const { domain: names, range } = strategyColours(results);
  const own = range[names.indexOf(ts.strategy)] ?? '#2f6fb0';
  const legend = (t: string) => ({ title: t, orient: 'right' as const, labelLimit: 160 });
  // A panel with a single series is named by its y axis; a legend would only repeat it.
  const fixed = (series: string[], colours: string[], t: string) =>
    ({ field: 'series', type: 'nominal' as const, scale: { domain: series, range: colours }, legend: series.length > 1 ? legend(t) : null });
  const byName = (t: string) => ({ field: 'series', type: 'nominal' as const, scale: { scheme: 'dark2' }, legend: legend(t) });
  const extras = long(ts, (w) => w.extra ?? {});
  const common = { warmup, domain, bottom: false };
  const panels = [
    // offered/throughput are rates (req/s), as ResultRow.offered is; errors are counts per window.
    panel(long(ts, (w) => ({ throughput: w.throughput, offered: w.offered })),
      { ...common, yTitle: 'req/s', colour: fixed(['offered', 'throughput'], [MUTED_COLOUR, own], 'Load'), dashed: ['offered'] }),
    panel(long(ts, (w) => ({ p95: w.p95Ms })), { ...common, yTitle: 'p95 (ms)', colour: fixed(['p95'], [own], 'Latency') }),
    panel(long(ts, (w) => w.queues), { ...common, yTitle: 'Queue length', colour: byName('Queue') }),
    panel(long(ts, (w) => ({ errors: w.errors })), {
      ...common, bottom: extras.length === 0, bars: true,
      yTitle: `Errors / ${fmtNumber(ts.window)} s`, colour: fixed(['errors'], ['#d1495b'], 'Errors'),
    }),
    ...(extras.length > 0 ? [panel(extras, { ...common, bottom: true, yTitle: 'Value', colour: byName('Other') })] : []),
  ];
  const where = pointText(results, ts);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Over time — ${ts.strategy}${where ? ` at ${where}` : ''}`,
      subtitle: [`Windows of ${fmtNumber(ts.window)} s${warmup > start ? `; shaded: the ${fmtNumber(warmup - start)} s warm-up, excluded from the other charts` : ''}.`],
    }),
    vconcat: panels,
    spacing: 10,
    resolve: { scale: { x: 'shared', color: 'independent' }, legend: { color: 'independent' } },
    config: CONFIG,
  };
}
