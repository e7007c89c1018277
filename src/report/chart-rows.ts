/**
 * Flat records the charts feed to Vega-Lite: one per result row, with the estimates split
 * into plain fields (Vega reads "p95Low", not "p95Ms.low") and the sweep point turned into
 * labels. A line of a load chart is one series: a strategy within one panel.
 */
import type { ExperimentResults, ResultRow } from '../experiment/results.js';
import { axisRoles, axisValue, panelLabel, panelOrder, pointLabel } from './axes.js';

export interface ChartRow {
  strategy: string;
  /** Which small multiple the row is drawn in ('' when the chart has a single panel). */
  panel: string;
  panelOrder: number;
  /** Value on the load axis (users, rate…), or the offered load when there is no axis. */
  load: number;
  /** Full sweep point, e.g. "users 500 · instances 4". */
  point: string;
  /** Value on the instances axis, when there is one. */
  instances: number | null;
  offered: number;
  throughput: number;
  throughputLow: number | null;
  throughputHigh: number | null;
  p50: number;
  p95: number;
  p95Low: number | null;
  p95High: number | null;
  p99: number;
  errorRate: number;
  costPerHour: number;
  costPerMillion: number | null;
  busiest: string;
  busiestUtil: number;
  pass: boolean;
}

/** Finite or null: a NaN from a broken input must not reach Vega (it draws nothing, silently). */
function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function toChartRow(r: ResultRow, results: ExperimentResults, order: Map<string, number>): ChartRow {
  const { load, instances, panels } = axisRoles(results);
  const panel = panelLabel(r, panels);
  return {
    strategy: r.strategy,
    panel,
    panelOrder: order.get(panel) ?? 0,
    load: (load ? axisValue(r, load) : null) ?? r.offered,
    point: pointLabel(r, results.axes),
    instances: instances ? axisValue(r, instances) : null,
    offered: r.offered,
    throughput: r.throughput.mean,
    throughputLow: num(r.throughput.low),
    throughputHigh: num(r.throughput.high),
    p50: r.p50Ms.mean,
    p95: r.p95Ms.mean,
    p95Low: num(r.p95Ms.low),
    p95High: num(r.p95Ms.high),
    p99: r.p99Ms.mean,
    errorRate: r.errorRate.mean,
    costPerHour: r.costPerHour,
    costPerMillion: num(r.costPerMillion?.mean),
    busiest: r.busiest.name,
    busiestUtil: r.busiest.utilisation,
    pass: r.pass,
  };
}

/** Every row of the results, in result order. */
export function chartRows(results: ExperimentResults): ChartRow[] {
  const order = panelOrder(results.rows, axisRoles(results).panels);
  return results.rows.map((r) => toChartRow(r, results, order));
}

/** Rows grouped into series (strategy × panel), each sorted by offered load. */
export function seriesOf(rows: readonly ChartRow[]): ChartRow[][] {
  const groups = new Map<string, ChartRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.strategy, r.panel]);
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()].map((g) => [...g].sort((a, b) => a.offered - b.offered));
}

/** Distinct panels in display order. */
export function panelsOf(rows: readonly ChartRow[]): string[] {
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.panel, r.panelOrder);
  return [...seen.entries()].sort((a, b) => a[1] - b[1]).map(([p]) => p);
}
