/**
 * The report's verdict sections, what a reviewer reads first: per strategy the highest load
 * meeting every SLO, its knee, whether it handles 10× the base load, and the bottleneck
 * diagnosis in plain words; then each SLO per strategy, and the 10× checks in detail.
 */
import type { ExperimentResults, ResultRow, SloSpec } from '../../experiment/results.js';
import { chartRows, panelsOf, seriesOf } from '../chart-rows.js';
import { fmtMoney, fmtMs, fmtPercent, fmtRate } from '../format.js';
import { findKnee, p95SloMs } from '../knee.js';
import { pointLabel } from '../axes.js';
import { strategyNames } from '../theme.js';
import { escapeHtml } from './escape.js';
import { numCell, swatch, table, textCell, verdict } from './html-util.js';

function strategyCell(results: ExperimentResults, s: string): string {
  return `<td>${swatch(results, s)} ${escapeHtml(s)}</td>`;
}

function bestPassing(rows: ResultRow[]): ResultRow | undefined {
  return rows.filter((r) => r.pass).sort((a, b) => b.offered - a.offered)[0];
}

/** Knee of the strategy's series in the first panel (see knee.ts for the rule). */
function kneeText(results: ExperimentResults, s: string): string {
  const rows = chartRows(results);
  const first = panelsOf(rows)[0] ?? '';
  const series = seriesOf(rows.filter((r) => r.strategy === s && r.panel === first))[0] ?? [];
  const knee = findKnee(series.map((r) => ({ x: r.offered, p95: r.p95 })), { sloMs: p95SloMs(results.slos) });
  if (series.length === 0) return '—';
  return knee ? `${fmtRate(knee.x)}${first ? ` (${first})` : ''}` : 'beyond the sweep';
}

export function glanceTable(results: ExperimentResults): string {
  const body = strategyNames(results).map((s) => {
    const rows = results.rows.filter((r) => r.strategy === s);
    const best = bestPassing(rows);
    const tenX = results.tenX.find((t) => t.strategy === s);
    const costs = rows.map((r) => r.costPerHour).filter(Number.isFinite);
    const cost = costs.length === 0 ? '—' : Math.min(...costs) === Math.max(...costs) ? fmtMoney(costs[0])
      : `${fmtMoney(Math.min(...costs))}–${fmtMoney(Math.max(...costs))}`;
    return `<tr>${[
      strategyCell(results, s),
      best ? textCell(fmtRate(best.offered), pointLabel(best, results.axes)) : textCell('none of the points'),
      textCell(kneeText(results, s)),
      tenX ? `<td>${verdict(tenX.pass)}<span class="ci">${escapeHtml(`${fmtRate(tenX.tenXOffered)}: p95 ${fmtMs(tenX.p95Ms)}, errors ${fmtPercent(tenX.errorRate)}`)}</span></td>` : textCell('not run'),
      numCell(cost),
    ].join('')}</tr>`;
  });
  return table(['Strategy', 'Meets every SLO up to', 'Knee of p95', 'Handles 10× load', 'Cost / hour'], body, (i) => i === 4);
}

export function diagnosisSection(results: ExperimentResults): string {
  return strategyNames(results).map((s) => {
    const d = results.diagnosis.find((x) => x.strategy === s);
    const description = results.strategies.find((x) => x.name === s)?.description;
    const items = d && d.findings.length > 0
      ? d.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')
      : '<li>No finding: nothing crossed the diagnosis thresholds.</li>';
    return `<h3>${swatch(results, s)} ${escapeHtml(s)}</h3>${description ? `<p class="note">${escapeHtml(description)}</p>` : ''}<ul class="findings">${items}</ul>`;
  }).join('\n');
}

function fmtSloValue(metric: SloSpec['metric'], value: number): string {
  return metric === 'errors' ? fmtPercent(value) : metric === 'throughput' ? fmtRate(value) : fmtMs(value);
}

/** Per strategy and SLO: at how many points it holds, and where it first breaks. */
export function sloTable(results: ExperimentResults): string {
  const body = strategyNames(results).map((s) => {
    const rows = results.rows.filter((r) => r.strategy === s).sort((a, b) => a.offered - b.offered);
    const cells = results.slos.map((slo) => {
      const judged = rows.map((r) => ({ r, v: r.slo.find((v) => v.text === slo.text) })).filter((x) => x.v);
      const broken = judged.filter((x) => !x.v!.pass);
      const first = broken[0];
      if (!first) return `<td>${verdict(true)}<span class="ci">${escapeHtml(`holds at all ${judged.length} points`)}</span></td>`;
      const detail = `breaks at ${broken.length} of ${judged.length} points; at the lightest: ${pointLabel(first.r, results.axes)} (${fmtSloValue(slo.metric, first.v!.value)})`;
      return `<td>${verdict(false)}<span class="ci">${escapeHtml(detail)}</span></td>`;
    });
    return `<tr>${strategyCell(results, s)}${cells.join('')}</tr>`;
  });
  return table(['Strategy', ...results.slos.map((s) => s.text)], body, () => false);
}

export function tenXTable(results: ExperimentResults): string {
  const body = strategyNames(results).flatMap((s) => {
    const t = results.tenX.find((x) => x.strategy === s);
    if (!t) return [];
    return [`<tr>${[
      strategyCell(results, s), numCell(fmtRate(t.baseOffered)), numCell(fmtRate(t.tenXOffered)),
      numCell(fmtMs(t.p95Ms)), numCell(fmtPercent(t.errorRate)), `<td>${verdict(t.pass)}</td>`,
    ].join('')}</tr>`];
  });
  return table(['Strategy', 'Base load', '10× load', 'p95 at 10×', 'Errors at 10×', 'Every SLO at 10×'], body, (i) => i > 0 && i < 5);
}
