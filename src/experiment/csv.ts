/**
 * results.csv: one row per strategy × sweep point for spreadsheets — each axis, the offered
 * load, then means and 95% bounds of throughput, p50/p95/p99, error rate and cost per
 * million requests, the busiest component, cost per hour and the SLO verdict.
 * RFC 4180 quoting; empty cells where a bound does not exist (one replication).
 */
import type { Estimate, ExperimentResults, ResultRow } from './results.js';

const ESTIMATES: readonly [string, (r: ResultRow) => Estimate | null][] = [
  ['throughput_rps', (r) => r.throughput],
  ['p50_ms', (r) => r.p50Ms],
  ['p95_ms', (r) => r.p95Ms],
  ['p99_ms', (r) => r.p99Ms],
  ['error_rate', (r) => r.errorRate],
  ['cost_per_million', (r) => r.costPerMillion],
];

export function csvColumns(results: Pick<ExperimentResults, 'axes'>): string[] {
  return [
    'strategy',
    ...results.axes.map((a) => a.name),
    'offered_rps',
    ...ESTIMATES.flatMap(([name]) => [name, `${name}_low`, `${name}_high`]),
    'busiest', 'busiest_utilisation', 'cost_per_hour', 'slo_pass', 'slo_failed',
  ];
}

export function toCsv(results: ExperimentResults): string {
  const lines = [csvColumns(results), ...results.rows.map((r) => rowCells(r, results))];
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

function rowCells(r: ResultRow, results: ExperimentResults): string[] {
  const cell = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return [
    r.strategy,
    ...results.axes.map((a) => cell(r.point[a.name])),
    cell(r.offered),
    ...ESTIMATES.flatMap(([, get]) => {
      const e = get(r);
      return e === null || e.n === 0 ? ['', '', ''] : [cell(e.mean), cell(e.low), cell(e.high)];
    }),
    r.busiest.name,
    cell(r.busiest.utilisation),
    cell(r.costPerHour),
    results.slos.length === 0 ? '' : r.pass ? 'pass' : 'fail',
    r.slo.filter((v) => !v.pass).map((v) => v.text).join('; '),
  ];
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
