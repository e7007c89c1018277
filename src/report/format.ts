/**
 * Number formatting for chart subtitles and the HTML report: units always shown, precision
 * that matches what the reader can act on, and a dash (never "NaN") for a missing value.
 */

export const MISSING = '—';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function ok(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 1,234 — or 4.2 below 10, where the decimal still matters. */
export function fmtNumber(v: number | null | undefined): string {
  if (!ok(v)) return MISSING;
  return Math.abs(v) < 10 && v !== Math.round(v) ? oneDecimal.format(v) : grouped.format(v);
}

/** A sweep value as the user wrote it: 8,000 or 0.25 (never rounded to one decimal). */
export function fmtValue(v: number | null | undefined): string {
  if (!ok(v)) return MISSING;
  return Number.isInteger(v) ? grouped.format(v) : String(Number(v.toPrecision(4)));
}

/** Latency: "4.2 ms", "183 ms", "2.4 s". */
export function fmtMs(v: number | null | undefined): string {
  if (!ok(v)) return MISSING;
  if (Math.abs(v) >= 1000) return `${oneDecimal.format(v / 1000)} s`;
  return Math.abs(v) < 10 ? `${oneDecimal.format(v)} ms` : `${grouped.format(v)} ms`;
}

export function fmtRate(v: number | null | undefined): string {
  return ok(v) ? `${fmtNumber(v)} req/s` : MISSING;
}

/** A fraction as a percentage: "0%", "0.042%", "3.1%", "94%". */
export function fmtPercent(fraction: number | null | undefined): string {
  if (!ok(fraction)) return MISSING;
  const pct = fraction * 100;
  if (pct === 0) return '0%';
  if (Math.abs(pct) >= 10) return `${grouped.format(pct)}%`;
  if (Math.abs(pct) >= 1) return `${oneDecimal.format(pct)}%`;
  return `${Number(pct.toPrecision(2))}%`;
}

/** "$0.071", "$0.42", "$12.50", "$1,234": cents, or three significant digits below 10 cents. */
export function fmtMoney(v: number | null | undefined): string {
  if (!ok(v)) return MISSING;
  if (Math.abs(v) >= 100) return `$${grouped.format(v)}`;
  if (Math.abs(v) < 0.1 && v !== 0) return `$${Number(v.toPrecision(2))}`;
  return `$${v.toFixed(2)}`;
}

/** A confidence interval "119–127" in the same unit as its mean, or '' when there is none. */
export function fmtInterval(low: number | null, high: number | null, fmt: (v: number) => string): string {
  return ok(low) && ok(high) ? `${fmt(low)}–${fmt(high)}` : '';
}
