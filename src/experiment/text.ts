/**
 * The terminal summary of an experiment: one line per strategy × point (p95 with its 95%
 * interval and the paired difference from the baseline), the 10x check and the diagnosis.
 * Plain text, no colours, so CI logs read like the terminal.
 */
import type { Estimate, ExperimentResults, PairedEstimate } from './results.js';

const fixed = (x: number | null, digits = 1) => (x === null ? '–' : x.toFixed(digits));

function withCI(e: Estimate, digits = 1): string {
  if (e.n === 0) return '–';
  if (e.low === null || e.high === null) return fixed(e.mean, digits);
  return `${fixed(e.mean, digits)} ±${fixed((e.high - e.low) / 2, digits)}`;
}

function diff(d: PairedEstimate | undefined): string {
  if (d === undefined) return 'baseline';
  if (d.n === 0) return '–';
  const sign = d.mean > 0 ? '+' : '';
  const ci = d.low === null || d.high === null ? '' : ` [${fixed(d.low)}, ${fixed(d.high)}]`;
  return `${sign}${fixed(d.mean)}${ci}${d.significant ? ' *' : ''}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderExperimentText(r: ExperimentResults): string {
  const e = r.experiment;
  const points = r.rows.length / Math.max(1, r.strategies.length);
  const head = `${e.name} — ${plural(r.strategies.length, 'strategy', 'strategies')}` +
    ` × ${plural(points, 'point')} × ${plural(e.replications, 'replication')}, ` +
    `${e.duration}s measured after ${e.warmup}s warm-up, seed ${e.seed}, hash ${e.hash}`;
  const axes = r.axes.map((a) => a.name);
  const rows = r.rows.map((row) => [
    row.strategy,
    ...axes.map((a) => String(row.point[a] ?? '')),
    fixed(row.offered),
    withCI(row.throughput),
    withCI(row.p95Ms),
    diff(row.vsBaseline?.p95Ms),
    `${(row.errorRate.mean * 100).toFixed(2)}%`,
    `${row.busiest.name} ${Math.round(row.busiest.utilisation * 100)}%`,
    fixed(row.costPerHour, 3),
    r.slos.length === 0 ? '' : row.pass ? 'pass' : 'FAIL',
  ]);
  const main = table(['strategy', ...axes, 'offered/s', 'ok/s', 'p95 ms', 'Δp95 vs baseline', 'errors', 'busiest', '$/h', 'SLO'], rows);
  const parts = [head, '', main, '  (± is the 95% interval over replications; * marks a paired difference whose interval excludes 0)'];
  if (r.tenX.length > 0) {
    const where = (p: Record<string, number> | undefined) => Object.entries(p ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
    parts.push('', '10x load:', ...r.tenX.map((t) =>
      `  ${t.strategy}: ${t.pass ? 'handles' : 'does not handle'} ${where(t.tenXPoint)} (10× ${where(t.basePoint)}; offered ${fixed(t.tenXOffered)} vs ${fixed(t.baseOffered)} req/s): ` +
      `p95 ${fixed(t.p95Ms)} ms, errors ${(t.errorRate * 100).toFixed(2)}%`));
  }
  const findings = r.diagnosis.filter((d) => d.findings.length > 0);
  if (findings.length > 0) {
    parts.push('', 'Diagnosis:', ...findings.flatMap((d) => [`  ${d.strategy}:`, ...d.findings.map((f) => `    - ${f}`)]));
  }
  return parts.join('\n');
}
