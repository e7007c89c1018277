/**
 * The full results table: one block per strategy, one row per sweep point, with means and
 * 95% intervals, the busiest component, costs, the paired difference from the baseline and
 * the SLO verdict (naming the SLOs that failed).
 */
import type { ExperimentResults, ResultRow } from '../../experiment/results.js';
import { fmtMoney, fmtNumber, fmtPercent, fmtValue } from '../format.js';
import { strategyNames } from '../theme.js';
import { escapeHtml } from './escape.js';
import { estimateCell, numCell, swatch, table, textCell, verdict } from './html-util.js';

function vsBaseline(r: ResultRow): string {
  const d = r.vsBaseline?.p95Ms;
  if (!d || !Number.isFinite(d.mean)) return '<td class="num">—</td>';
  const sign = d.mean > 0 ? '+' : d.mean < 0 ? '−' : '±';
  const [note, title] = d.significant ? ['sig.', 'the 95% paired interval excludes 0'] : ['n.s.', 'not significant: the 95% paired interval contains 0'];
  return `<td class="num">${sign}${escapeHtml(fmtNumber(Math.abs(d.mean)))} ms<span class="sig" title="${title}">${note}</span></td>`;
}

function row(results: ExperimentResults, r: ResultRow): string {
  const failing = r.slo.filter((v) => !v.pass).map((v) => v.text);
  const ms = (v: number) => fmtNumber(v);
  return `<tr>${[
    ...results.axes.map((a) => numCell(fmtValue(r.point[a.name]))),
    numCell(fmtNumber(r.offered)),
    estimateCell(r.throughput, ms),
    estimateCell(r.p50Ms, ms, true),
    estimateCell(r.p95Ms, ms),
    estimateCell(r.p99Ms, ms),
    estimateCell(r.errorRate, fmtPercent, true),
    textCell(r.busiest.name, fmtPercent(r.busiest.utilisation)),
    numCell(fmtMoney(r.costPerHour)),
    estimateCell(r.costPerMillion, fmtMoney, true),
    vsBaseline(r),
    `<td class="slo">${verdict(r.pass, failing)}</td>`,
  ].join('')}</tr>`;
}

export function resultsTable(results: ExperimentResults): string {
  const head = [
    ...results.axes.map((a) => a.label), 'Offered (req/s)', 'Throughput (req/s)', 'p50 (ms)', 'p95 (ms)',
    'p99 (ms)', 'Errors', 'Busiest', 'Cost / hour', 'Cost / M req', `p95 vs ${results.experiment.baseline}`, 'SLOs',
  ];
  const width = head.length;
  const textColumns = new Set([width - 1, width - 6]);
  const body = strategyNames(results).flatMap((s) => {
    const rows = results.rows.filter((r) => r.strategy === s);
    if (rows.length === 0) return [];
    const description = results.strategies.find((x) => x.name === s)?.description;
    const group = `<tr class="group"><td colspan="${width}">${swatch(results, s)} <span>${escapeHtml(s)}</span>`
      + `${description ? ` <span class="desc">— ${escapeHtml(description)}</span>` : ''}</td></tr>`;
    return [group, ...rows.map((r) => row(results, r))];
  });
  return table(head, body, (i) => !textColumns.has(i));
}
