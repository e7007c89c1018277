/**
 * The roles of an experiment's sweep axes in the charts. One axis is the load (the x of the
 * load charts); an axis of instance counts feeds the scalability chart; any other axis with
 * several values splits the load charts into panels (small multiples, one per combination).
 */
import type { ExperimentResults, ResultRow } from '../experiment/results.js';
import { fmtValue } from './format.js';

export type Axis = ExperimentResults['axes'][number];

export interface AxisRoles {
  /** The first axis that is not an instance count; the instances axis when it is the only one. */
  load: Axis | null;
  instances: Axis | null;
  /** Axes other than the load axis with more than one value: one chart panel per combination. */
  panels: Axis[];
}

/** An axis of instance counts is named `instances` or says so in its label. */
export function isInstancesAxis(axis: Axis): boolean {
  return axis.name.toLowerCase() === 'instances' || /instance/i.test(axis.label);
}

export function axisRoles(results: ExperimentResults): AxisRoles {
  const instances = results.axes.find(isInstancesAxis) ?? null;
  const load = results.axes.find((a) => a !== instances) ?? instances;
  const panels = results.axes.filter((a) => a !== load && a.values.length > 1);
  return { load, instances, panels };
}

/** An axis value of a row; a row may lack one (it shows as a dash, never NaN). */
export function axisValue(row: ResultRow, axis: Axis): number | null {
  const v = row.point[axis.name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function valueText(row: ResultRow, axis: Axis): string {
  return fmtValue(axisValue(row, axis));
}

/** "instances = 4" — names the panel a row belongs to ('' when there are no panels). */
export function panelLabel(row: ResultRow, panels: readonly Axis[]): string {
  return panels.map((a) => `${a.label} = ${valueText(row, a)}`).join(' · ');
}

/** "users 500 · instances 4" — the full sweep point, for tooltips and tables. */
export function pointLabel(row: ResultRow, axes: readonly Axis[]): string {
  return axes.map((a) => `${a.label} ${valueText(row, a)}`).join(' · ');
}

/** Orders panels by their axis values (numerically, not as strings: 2 before 16). */
export function panelOrder(rows: readonly ResultRow[], panels: readonly Axis[]): Map<string, number> {
  const keyed = new Map<string, number[]>();
  for (const r of rows) keyed.set(panelLabel(r, panels), panels.map((a) => axisValue(r, a) ?? Infinity));
  const sorted = [...keyed.entries()].sort(([, a], [, b]) => {
    for (let i = 0; i < a.length; i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0 && Number.isFinite(d)) return d;
    }
    return 0;
  });
  return new Map(sorted.map(([label], i) => [label, i]));
}
