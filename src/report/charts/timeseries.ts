/**
 * One scenario over simulated time, as small multiples sharing the time axis: offered load
 * and throughput, p95 per window, queue lengths per component, errors per window (and any
 * extra series). The warm-up is shaded: it is simulated but left out of every other figure.
 */
import type { ExperimentResults, TimeSeries } from '../../experiment/results.js';
import { fmtNumber } from '../format.js';
import { CONFIG, MUTED_COLOUR, strategyColours } from '../theme.js';
import { title } from './layout.js';
import type { Layer, VegaLiteSpec } from './types.js';

const PANEL = { width: 560, height: 110 };

interface Long { t: number; series: string; value: number }

function long(ts: TimeSeries, pick: (w: TimeSeries['windows'][number]) => Record<string, number | null | undefined>): Long[] {
  return ts.windows.flatMap((w) => Object.entries(pick(w))
    .filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
    .map(([series, value]) => ({ t: w.t, series, value })));
}

function panel(values: Long[], yTitle: string, colour: object, warmup: number, mark: 'line' | 'bar' = 'line'): Layer & object {
  const x = { field: 't', type: 'quantitative' as const, title: 'Simulated time (s)' };
  const layers: Layer[] = [
    {
      data: { values: [{ from: 0, to: warmup }] },
      mark: { type: 'rect', color: '#000', opacity: 0.05 },
      encoding: { x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
    },
    {
      data: { values },
      mark: mark === 'bar' ? { type: 'bar', opacity: 0.85 } : { type: 'line', strokeWidth: 2, interpolate: 'monotone' },
      encoding: {
        x, y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: true } },
        color: colour,
        tooltip: [{ field: 't', title: 'Time (s)' }, { field: 'series', title: 'Series' }, { field: 'value', title: yTitle, format: ',.1f' }],
      },
    },
  ];
  return { width: PANEL.width, height: PANEL.height, layer: warmup > 0 ? layers : layers.slice(1), resolve: { scale: { color: 'independent' } } };
}

export function timeseries(results: ExperimentResults): VegaLiteSpec | null {
  const ts = results.timeseries[0];
  if (!ts || ts.windows.length === 0) return null;
  const warmup = Math.max(0, results.experiment.warmup);
  const { domain, range } = strategyColours(results);
  const own = range[domain.indexOf(ts.strategy)] ?? '#2f6fb0';
  const legend = (t: string) => ({ title: t, orient: 'right' as const, labelLimit: 160 });
  const fixed = (names: string[], colours: string[], t: string) =>
    ({ field: 'series', type: 'nominal' as const, scale: { domain: names, range: colours }, legend: legend(t) });
  const byName = (t: string) => ({ field: 'series', type: 'nominal' as const, scale: { scheme: 'dark2' }, legend: legend(t) });
  const extras = long(ts, (w) => w.extra ?? {});
  const where = Object.entries(ts.point).map(([k, v]) => `${k} ${fmtNumber(v)}`).join(', ');
  const panels = [
    // offered/throughput are rates (req/s), as ResultRow.offered is; errors are counts per window.
    panel(long(ts, (w) => ({ offered: w.offered, throughput: w.throughput })), 'req/s',
      fixed(['offered', 'throughput'], [MUTED_COLOUR, own], 'Load'), warmup),
    panel(long(ts, (w) => ({ p95: w.p95Ms })), 'p95 (ms)', fixed(['p95'], [own], 'Latency'), warmup),
    panel(long(ts, (w) => w.queues), 'Queue length', byName('Queue'), warmup),
    panel(long(ts, (w) => ({ errors: w.errors })), `Errors per ${fmtNumber(ts.window)} s`, fixed(['errors'], ['#d1495b'], 'Errors'), warmup, 'bar'),
    ...(extras.length > 0 ? [panel(extras, 'Value', byName('Other'), warmup)] : []),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Over time — ${ts.strategy}${where ? ` at ${where}` : ''}`,
      subtitle: [`Windows of ${fmtNumber(ts.window)} s${warmup > 0 ? `; shaded: the ${fmtNumber(warmup)} s warm-up, excluded from the other charts` : ''}.`],
    }),
    vconcat: panels,
    spacing: 14,
    resolve: { scale: { x: 'shared', color: 'independent' }, legend: { color: 'independent' } },
    config: CONFIG,
  };
}
