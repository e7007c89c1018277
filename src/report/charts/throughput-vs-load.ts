/**
 * Achieved throughput vs offered load per strategy, against the y = x line of a system that
 * serves everything it is sent. A strategy that bends below the line is saturated (or failing
 * requests); where it flattens is its capacity, which the title reports.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { chartRows, panelsOf, type ChartRow } from '../chart-rows.js';
import { fmtRate } from '../format.js';
import { strategyColour } from '../theme.js';
import { isGeometric, layered, plotSize, positional } from './layout.js';
import type { Layer, VegaLiteSpec } from './types.js';

/** Highest throughput per strategy in the first panel, best first. */
function peaks(rows: readonly ChartRow[], panel: string): { strategy: string; peak: number }[] {
  const best = new Map<string, number>();
  for (const r of rows) {
    if (r.panel !== panel || !Number.isFinite(r.throughput)) continue;
    best.set(r.strategy, Math.max(best.get(r.strategy) ?? 0, r.throughput));
  }
  return [...best.entries()].map(([strategy, peak]) => ({ strategy, peak })).sort((a, b) => b.peak - a.peak);
}

function layers(results: ExperimentResults, rows: ChartRow[]): Layer[] {
  const values = rows.flatMap((r) => [r.offered, r.throughput]);
  // Same scale on both axes, so the y = x line is the diagonal.
  const size = plotSize(panelsOf(rows).length);
  const p = positional(values, isGeometric(rows.map((r) => r.offered)), Math.min(size.width, size.height));
  const x = { field: 'offered', type: 'quantitative' as const, title: 'Offered load (req/s)', ...p };
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: 'Achieved throughput (req/s)', ...p });
  const colour = { ...strategyColour(results), legend: { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } };
  // The y = x reference goes last, on top: a strategy that serves everything lies right on it.
  const reference: Layer = {
    mark: { type: 'line', color: '#303030', strokeDash: [3, 3], strokeWidth: 1.2, opacity: 0.8 },
    encoding: { x, y: y('offered'), detail: { field: 'panel' } },
  };
  const band: Layer = {
    transform: [{ filter: 'isValid(datum.throughputLow) && isValid(datum.throughputHigh)' }],
    mark: { type: 'area', opacity: 0.16 },
    encoding: { x, y: y('throughputLow'), y2: { field: 'throughputHigh' }, color: colour },
  };
  // With one replication there are no intervals; an empty band layer would make Vega warn.
  const hasBand = rows.some((r) => r.throughputLow !== null && r.throughputHigh !== null);
  return [
    ...(hasBand ? [band] : []),
    {
      mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2.5 },
      encoding: {
        x, y: y('throughput'), color: colour,
        tooltip: [
          { field: 'strategy', title: 'Strategy' }, { field: 'point', title: 'Point' },
          { field: 'offered', title: 'Offered (req/s)', format: ',.0f' },
          { field: 'throughput', title: 'Achieved (req/s)', format: ',.0f' },
          { field: 'errorRate', title: 'Errors', format: '.2%' },
        ],
      },
    },
    reference,
  ];
}

export function throughputVsLoad(results: ExperimentResults): VegaLiteSpec | null {
  const rows = chartRows(results).filter((r) => Number.isFinite(r.offered) && Number.isFinite(r.throughput));
  if (rows.length === 0) return null;
  const panels = panelsOf(rows);
  const ranked = peaks(rows, panels[0] ?? '');
  const top = ranked[0];
  return layered(results, rows, layers(results, rows), {
    text: top ? `Throughput vs offered load — ${top.strategy} peaks highest` : 'Throughput vs offered load',
    subtitle: [
      'Dashed: y = x, everything offered is served. Below it a strategy is saturated or failing requests.',
      `Peak${panels[0] ? ` (${panels[0]})` : ''}: ${ranked.map((p) => `${p.strategy} ${fmtRate(p.peak)}`).join(', ')}`,
    ],
  }, panels.length);
}
