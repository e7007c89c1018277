/**
 * Utilisation of every component at every load, as a heatmap: one block of rows per strategy
 * (its components), one column per load, a panel per value of any extra sweep axis. Colours
 * break at the 80% line the scaling guides use (and at 95%, where queues explode), so the
 * component that saturates first stands out without reading numbers; the cells carry them.
 */
import type { ExperimentResults } from '../../experiment/results.js';
import { axisRoles, axisValue, panelLabel, panelOrder } from '../axes.js';
import { fmtValue } from '../format.js';
import { CONFIG, strategyNames } from '../theme.js';
import { title } from './layout.js';
import type { VegaLiteSpec } from './types.js';

const GUIDE = 0.8;

interface Cell {
  strategy: string; component: string; kind: string;
  load: number; panel: string; panelOrder: number; util: number; text: string; point: string;
}

function cells(results: ExperimentResults): Cell[] {
  const { load, panels } = axisRoles(results);
  const order = panelOrder(results.rows, panels);
  return results.rows.flatMap((r) => {
    const panel = panelLabel(r, panels);
    const x = (load ? axisValue(r, load) : null) ?? r.offered;
    return r.components.filter((c) => Number.isFinite(c.utilisation.mean)).map((c) => ({
      strategy: r.strategy, component: c.name, kind: c.kind, load: x, panel, panelOrder: order.get(panel) ?? 0,
      util: c.utilisation.mean, text: `${Math.round(c.utilisation.mean * 100)}%`,
      point: `${load?.label ?? 'offered'} ${fmtValue(x)}`,
    }));
  });
}

/** Per strategy, the component that first reaches 80% (lowest load, then highest utilisation). */
function firstToSaturate(all: Cell[], loadName: string): { strategy: string; text: string; component: string | null }[] {
  const first = Math.min(...all.map((c) => c.panelOrder));
  const byStrategy = new Map<string, Cell[]>();
  for (const c of all.filter((x) => x.panelOrder === first)) byStrategy.set(c.strategy, [...(byStrategy.get(c.strategy) ?? []), c]);
  return [...byStrategy.entries()].map(([strategy, cs]) => {
    const hot = cs.filter((c) => c.util >= GUIDE).sort((a, b) => a.load - b.load || b.util - a.util)[0];
    return {
      strategy, component: hot?.component ?? null,
      text: hot ? `${strategy}: ${hot.component} passes 80% first, at ${loadName} ${fmtValue(hot.load)}`
        : `${strategy}: nothing reaches 80%`,
    };
  });
}

function headline(first: { component: string | null }[]): string {
  const names = new Set(first.map((f) => f.component));
  const only = [...names][0];
  return names.size === 1 && only ? `${only} saturates first in every strategy` : 'which component saturates first';
}

export function utilisation(results: ExperimentResults): VegaLiteSpec | null {
  const all = cells(results);
  if (all.length === 0) return null;
  const { load } = axisRoles(results);
  const loadName = load?.label ?? 'offered load';
  const first = firstToSaturate(all, loadName);
  const multiPanel = new Set(all.map((c) => c.panel)).size > 1;
  const heat = heatmap(loadName, multiPanel);
  const strategies = strategyNames(results).filter((s) => all.some((c) => c.strategy === s));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: results.experiment.name,
    title: title({
      text: `Utilisation by component — ${headline(first)}`,
      subtitle: [`Orange from 80% (the guides' line), red from 95%.${multiPanel ? ' One panel per value of the other sweep axes.' : ''}`,
        ...first.slice(0, 6).map((f) => f.text)],
    }),
    data: { values: all },
    // One block per strategy (concat, not a row facet): each lists only its own components.
    // Blocks sit three to a row unless each is already a wide row of panels.
    columns: multiPanel ? 1 : 3,
    concat: strategies.map((s, i) => ({
      transform: [{ filter: { field: 'strategy', equal: s } }],
      title: { text: s, anchor: 'start' as const, fontSize: 13, offset: 6 },
      ...(multiPanel
        ? { facet: { column: { field: 'panel', type: 'nominal' as const, title: null, sort: { field: 'panelOrder', op: 'min' as const },
          header: i === 0 ? { labelFontWeight: 'bold' as const } : { labels: false } } }, spec: heat }
        : heat),
    })),
    spacing: { row: 16, column: 28 },
    config: { ...CONFIG, axis: { ...CONFIG.axis, grid: false } },
  };
}

function heatmap(loadName: string, multiPanel: boolean) {
  const colour = {
    field: 'util', type: 'quantitative' as const, title: 'Utilisation',
    scale: { type: 'threshold' as const, domain: [0.5, GUIDE, 0.95], range: ['#e8eef5', '#b7cde3', '#f4a259', '#d1495b'] },
    legend: { format: '.0%', orient: 'right' as const },
  };
  return {
    width: { step: multiPanel ? 40 : 46 }, height: { step: 22 },
    encoding: {
      x: { field: 'load', type: 'ordinal' as const, title: loadName, axis: { labelAngle: 0, labelExpr: "format(datum.value, ',')" } },
      // A fixed label gutter lines the strategies' blocks up under each other.
      y: { field: 'component', type: 'nominal' as const, title: null, sort: null, axis: { minExtent: 70 } },
    },
    layer: [
      {
        mark: { type: 'rect' as const, stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: colour,
          tooltip: [{ field: 'strategy', title: 'Strategy' }, { field: 'component', title: 'Component' },
            { field: 'kind', title: 'Kind' }, { field: 'point', title: 'Load' }, { field: 'util', title: 'Utilisation', format: '.1%' }],
        },
      },
      {
        mark: { type: 'text' as const, fontSize: 10 },
        encoding: {
          text: { field: 'text' },
          color: { condition: { test: 'datum.util >= 0.95', value: 'white' }, value: '#303030' },
        },
      },
    ],
  };
}
