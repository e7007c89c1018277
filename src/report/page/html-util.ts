/**
 * Small HTML builders shared by the report's sections. Every argument that is text is
 * escaped here; arguments named `html` are markup built by these same helpers.
 */
import type { Estimate, ExperimentResults } from '../../experiment/results.js';
import { fmtInterval } from '../format.js';
import { strategyColours } from '../theme.js';
import { escapeHtml } from './escape.js';

/** A mean with its confidence interval beneath, in one unit; `compact` moves the interval
 * into the hover text, for columns whose intervals would make the table too wide. */
export function estimateCell(e: Estimate | null | undefined, fmt: (v: number) => string, compact = false): string {
  if (!e) return '<td class="num">—</td>';
  const ci = fmtInterval(e.low, e.high, fmt);
  if (compact) return `<td class="num"${ci ? ` title="95% CI ${escapeHtml(ci)}"` : ''}>${escapeHtml(fmt(e.mean))}</td>`;
  return `<td class="num">${escapeHtml(fmt(e.mean))}${ci ? `<span class="ci">${escapeHtml(ci)}</span>` : ''}</td>`;
}

export function numCell(text: string): string {
  return `<td class="num">${escapeHtml(text)}</td>`;
}

export function textCell(text: string, detail?: string): string {
  return `<td>${escapeHtml(text)}${detail ? `<span class="ci">${escapeHtml(detail)}</span>` : ''}</td>`;
}

/** Pass/fail as a word and a mark, so it reads without colour (and in print). */
export function verdict(pass: boolean, why: string[] = []): string {
  const mark = pass ? '<span class="verdict pass">✓ pass</span>' : '<span class="verdict fail">✗ fail</span>';
  return why.length > 0 && !pass ? `${mark}<span class="why">${escapeHtml(why.join(', '))}</span>` : mark;
}

export function swatch(results: ExperimentResults, strategy: string): string {
  const { domain, range } = strategyColours(results);
  const colour = range[domain.indexOf(strategy)] ?? '#888888';
  return `<span class="swatch" style="background:${escapeHtml(colour)}" aria-hidden="true"></span>`;
}

export function table(head: string[], rowsHtml: string[], numeric: (i: number) => boolean): string {
  const ths = head.map((h, i) => `<th${numeric(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  return `<div class="table-wrap"><table><thead><tr>${ths}</tr></thead><tbody>\n${rowsHtml.join('\n')}\n</tbody></table></div>`;
}
