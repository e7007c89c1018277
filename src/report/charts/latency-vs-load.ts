/**
 * p95 latency vs offered load, one line per strategy: the hockey stick of each, its 95%
 * confidence band, p50 dashed beneath for the typical request, the p95 SLO as a red rule and
 * each strategy's knee (see knee.ts) as a diamond. The title names the strategy that holds out
 * longest, which is usually the question the chart is opened for.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { chartRows, panelsOf, seriesOf, type ChartRow } from '../chart-rows.js';
import { fmtMs, fmtNumber } from '../format.js';
import { findKnee, p95SloMs, type Knee } from '../knee.js';
import { ALERT_COLOUR, strategyColour } from '../theme.js';
import { isGeometric, layered, plotSize, positional, spansDecades } from './layout.js';
import type { Layer, VegaLiteSpec } from './types.js';

type KneeRow = ChartRow & { knee: boolean; kneeReason: string };

function markKnees(rows: ChartRow[], sloMs: number | null): { rows: KneeRow[]; knees: Map<ChartRow[], Knee | null> } {
  const knees = new Map<ChartRow[], Knee | null>();
  const out: KneeRow[] = [];
  for (const s of seriesOf(rows)) {
    const knee = findKnee(s.map((r) => ({ x: r.offered, p95: r.p95 })), { sloMs });
    knees.set(s, knee);
    s.forEach((r, i) => out.push({
      ...r,
      knee: knee?.index === i,
      kneeReason: knee?.index !== i ? '' : knee.reason === 'slo' ? 'p95 breaks the SLO' : 'p95 doubled from light load',
    }));
  }
  return { rows: out, knees };
}

/** "cache holds out longest" when one strategy's knee comes last (or never) in the first panel. */
function finding(knees: Map<ChartRow[], Knee | null>, firstPanel: string): string | null {
  const reach = [...knees.entries()].filter(([s]) => s[0]?.panel === firstPanel)
    .map(([s, k]) => ({ strategy: s[0]?.strategy ?? '', x: k ? k.x : Infinity }));
  const best = Math.max(...reach.map((r) => r.x));
  const top = reach.filter((r) => r.x === best);
  return top.length === 1 && reach.length > 1 ? `${top[0]!.strategy} holds out longest` : null;
}

function kneeLines(knees: Map<ChartRow[], Knee | null>, panels: string[]): string[] {
  return panels.slice(0, 4).map((panel) => {
    const parts = [...knees.entries()].filter(([s]) => s[0]?.panel === panel)
      .map(([s, k]) => `${s[0]?.strategy} ${k ? `${fmtNumber(k.x)} req/s` : 'beyond the sweep'}`);
    return `${panel ? `${panel} — k` : 'K'}nee at ${parts.join(', ')}`;
  });
}

function layers(results: ExperimentResults, rows: KneeRow[], sloMs: number | null): Layer[] {
  const latencies = [...rows.flatMap((r) => [r.p50, r.p95]), ...(sloMs !== null ? [sloMs] : [])];
  const loads = rows.map((r) => r.offered);
  const size = plotSize(panelsOf(rows).length);
  const px = positional(loads, isGeometric(loads), size.width, 48);
  const py = positional(latencies, spansDecades(latencies), size.height);
  // Lines, not the pale band, should stand for a strategy in the legend.
  const colour = { ...strategyColour(results), legend: { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 } };
  const x = {
    field: 'offered', type: 'quantitative' as const, title: 'Offered load (req/s)',
    scale: px.scale, axis: px.axis,
  };
  // Every layer names the axis the same, or Vega-Lite joins the field names into its title.
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: 'Latency (ms)', scale: py.scale, axis: py.axis });
  const tooltip = [
    { field: 'strategy', title: 'Strategy' }, { field: 'point', title: 'Point' },
    { field: 'offered', title: 'Offered (req/s)', format: ',.0f' },
    { field: 'p50', title: 'p50 (ms)', format: ',.1f' }, { field: 'p95', title: 'p95 (ms)', format: ',.1f' },
    { field: 'p99', title: 'p99 (ms)', format: ',.1f' },
  ];
  const band: Layer = {
    // A log axis cannot show a band reaching down to 0 or below; skip those points' band.
    transform: [{ filter: 'isValid(datum.p95Low) && isValid(datum.p95High) && datum.p95Low > 0' }],
    mark: { type: 'area', opacity: 0.16 },
    encoding: { x, y: y('p95Low'), y2: { field: 'p95High' }, color: colour },
  };
  const p50: Layer = {
    mark: { type: 'line', strokeDash: [5, 4], strokeWidth: 1.5, opacity: 0.75 },
    encoding: { x, y: y('p50'), color: colour },
  };
  const p95: Layer = {
    mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2.5 },
    encoding: { x, y: y('p95'), color: colour, tooltip },
  };
  const knees: Layer = {
    transform: [{ filter: 'datum.knee' }],
    mark: { type: 'point', shape: 'diamond', size: 190, filled: true, stroke: 'black', strokeWidth: 1.2 },
    encoding: { x, y: y('p95'), color: colour, tooltip: [...tooltip, { field: 'kneeReason', title: 'Knee' }] },
  };
  // A layer whose filter leaves no data makes Vega warn about an infinite extent: leave it out.
  const hasBand = rows.some((r) => r.p95Low !== null && r.p95High !== null && r.p95Low > 0);
  const out: Layer[] = [...(hasBand ? [band] : []), p50, p95, ...(rows.some((r) => r.knee) ? [knees] : [])];
  if (sloMs !== null) out.push(...sloRule(sloMs));
  return out;
}

function sloRule(sloMs: number): Layer[] {
  const data = { values: [{ slo: sloMs, label: `SLO p95 ${fmtMs(sloMs)}` }] };
  const y = { field: 'slo', type: 'quantitative' as const, title: 'Latency (ms)' };
  return [
    { data, mark: { type: 'rule', color: ALERT_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { y } },
    {
      data,
      mark: { type: 'text', color: ALERT_COLOUR, align: 'right', baseline: 'top', dx: -2, dy: 4, fontSize: 11 },
      encoding: { x: { value: 'width' }, y, text: { field: 'label' } },
    },
  ];
}

export function latencyVsLoad(results: ExperimentResults): VegaLiteSpec | null {
  const sloMs = p95SloMs(results.slos);
  const base = chartRows(results).filter((r) => Number.isFinite(r.p95) && Number.isFinite(r.offered));
  if (base.length === 0) return null;
  const { rows, knees } = markKnees(base, sloMs);
  const panels = panelsOf(rows);
  const found = finding(knees, panels[0] ?? '');
  return layered(results, rows, layers(results, rows, sloMs), {
    text: `p95 latency vs offered load — ${found ?? 'the knee of each strategy'}`,
    subtitle: [
      `Solid: p95 with its 95% CI band; dashed: p50. ◆ knee = first load where p95 passes 2× its light-load value${sloMs !== null ? ' or the SLO' : ''}.`,
      ...kneeLines(knees, panels),
    ],
  }, panels.length);
}
