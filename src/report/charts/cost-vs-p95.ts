/**
 * Cost per hour vs p95 for every scenario, one panel per load level, because "cheapest for a
 * given p95" only compares options serving the same load. The Pareto frontier (pareto.ts) is
 * outlined and joined by a step line: for any p95 target, the cheapest option that meets it
 * is the frontier step at or left of it. The title names the cheapest option that meets every
 * SLO at the highest load swept.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { axisRoles } from '../axes.js';
import { chartRows, type ChartRow } from '../chart-rows.js';
import { fmtMoney, fmtValue } from '../format.js';
import { p95SloMs } from '../knee.js';
import { paretoFrontier } from '../pareto.js';
import { ALERT_COLOUR, strategyColour } from '../theme.js';
import { layered, plotSize, positional, spansDecades } from './layout.js';
import type { Layer, VegaLiteSpec } from './types.js';

type CostRow = ChartRow & { frontier: boolean; option: string };

function costRows(results: ExperimentResults): CostRow[] {
  const { load } = axisRoles(results);
  const rows = chartRows(results).filter((r) => Number.isFinite(r.p95) && r.p95 > 0 && Number.isFinite(r.costPerHour));
  // Without a load axis every scenario shares the one panel (offered load differs between
  // strategies of a closed-loop model, so it cannot group them).
  const byLoad = new Map<number, ChartRow[]>();
  for (const r of rows) {
    const key = load ? r.load : 0;
    byLoad.set(key, [...(byLoad.get(key) ?? []), r]);
  }
  const loads = [...byLoad.keys()].sort((a, b) => a - b);
  return loads.flatMap((l, i) => {
    const group = byLoad.get(l) ?? [];
    const front = new Set(paretoFrontier(group, (r) => r.costPerHour, (r) => r.p95));
    return group.map((r) => ({
      ...r,
      panel: load ? `${load.label} = ${fmtValue(l)}` : '',
      panelOrder: i,
      frontier: front.has(r),
      option: r.panel ? `${r.strategy} · ${r.panel}` : r.strategy,
    }));
  });
}

/** The cheapest option meeting every SLO at the highest load where any option does. */
function finding(rows: CostRow[]): { title: string; note: string | null } {
  const loads = [...new Set(rows.map((r) => r.panelOrder))].sort((a, b) => b - a);
  const at = (order: number) => {
    const panel = rows.find((r) => r.panelOrder === order)?.panel ?? '';
    return panel ? ` at ${panel}` : '';
  };
  for (const order of loads) {
    const ok = rows.filter((r) => r.panelOrder === order && r.pass)
      .sort((a, b) => a.costPerHour - b.costPerHour || a.p95 - b.p95)[0];
    if (!ok) continue;
    const top = loads[0] ?? order;
    return {
      title: `cheapest to meet every SLO${at(order)}: ${ok.option}, ${fmtMoney(ok.costPerHour)}/h`,
      note: order === top ? null : `Nothing meets every SLO${at(top)}.`,
    };
  }
  return { title: 'no option meets every SLO at any load', note: null };
}

function layers(results: ExperimentResults, rows: CostRow[], sloMs: number | null, shapes: boolean): Layer[] {
  const latencies = [...rows.map((r) => r.p95), ...(sloMs !== null ? [sloMs] : [])];
  const x = { field: 'p95', type: 'quantitative' as const, title: 'p95 latency (ms)', ...positional(latencies, spansDecades(latencies), plotSize(new Set(rows.map((r) => r.panel)).size).width, 48) };
  const y = { field: 'costPerHour', type: 'quantitative' as const, title: 'Cost ($/hour)', scale: { zero: true } };
  const out: Layer[] = [
    {
      transform: [{ filter: 'datum.frontier' }],
      mark: { type: 'line', interpolate: 'step-after', color: '#202020', strokeWidth: 1.2, opacity: 0.7 },
      encoding: { x, y },
    },
    {
      mark: { type: 'point', filled: true, size: 90, stroke: 'black' },
      encoding: {
        x, y, color: strategyColour(results),
        ...(shapes ? { shape: { field: 'instances', type: 'nominal' as const, title: 'Instances', sort: 'ascending' as const } } : {}),
        opacity: { condition: { test: 'datum.frontier', value: 1 }, value: 0.4 },
        strokeWidth: { condition: { test: 'datum.frontier', value: 1.5 }, value: 0 },
        tooltip: [
          { field: 'option', title: 'Option' }, { field: 'point', title: 'Point' },
          { field: 'p95', title: 'p95 (ms)', format: ',.1f' }, { field: 'costPerHour', title: 'Cost ($/h)', format: '$.2f' },
          { field: 'frontier', title: 'On the frontier' }, { field: 'pass', title: 'Meets SLOs' },
        ],
      },
    },
  ];
  if (sloMs !== null) {
    const data = { values: [{ slo: sloMs }] };
    out.push({ data, mark: { type: 'rule', color: ALERT_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'slo' } } });
  }
  return out;
}

export function costVsP95(results: ExperimentResults): VegaLiteSpec | null {
  const rows = costRows(results);
  if (rows.length === 0) return null;
  const sloMs = p95SloMs(results.slos);
  const panels = new Set(rows.map((r) => r.panel)).size;
  const shapes = new Set(rows.map((r) => r.instances).filter((n) => n !== null)).size > 1;
  const found = finding(rows);
  return layered(results, rows, layers(results, rows, sloMs, shapes), {
    text: `Cost vs p95 — ${found.title}`,
    subtitle: [
      'Every scenario at each load. Outlined and joined: the Pareto frontier, where nothing else is both cheaper and faster.',
      [sloMs !== null ? 'Red rule: the p95 SLO; options left of it meet it.' : '', found.note ?? ''].join(' ').trim(),
    ].filter((line) => line !== ''),
  }, panels);
}
