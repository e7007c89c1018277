/**
 * Plain-text tables for the terminal: right-aligned numbers, a header rule, no colours
 * (pipes and CI logs read the same as a terminal).
 */
export function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const a = align ?? header.map((_, i) => (i === 0 ? 'l' : 'r'));
  const line = (r: string[]) => r.map((c, i) => (a[i] === 'l' ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const num = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const pct = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`);

export const int = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Seconds as the model language writes them: 90 → 1.5m, 0.25 → 250ms. */
export function seconds(s: number): string {
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600}h`;
  if (s >= 60 && s % 60 === 0) return `${s / 60}m`;
  if (s >= 1) return `${+s.toFixed(3)}s`;
  return `${+(s * 1000).toFixed(3)}ms`;
}
