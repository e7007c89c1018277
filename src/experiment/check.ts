/**
 * The `--check` verdict for CI. Strategies marked `check: true` must meet every SLO at
 * every sweep point (and at 10x load when the experiment asks for it). With none marked,
 * the check asks whether any strategy does: a comparison whose baseline fails is normal,
 * one where every alternative fails is not.
 */
import type { ExperimentResults } from './results.js';

export interface CheckVerdict {
  pass: boolean;
  /** One line per strategy judged, e.g. "cache: fails p95 < 200ms at users=2000". */
  lines: string[];
}

export function checkResults(results: ExperimentResults, marked: readonly string[]): CheckVerdict {
  const judged = marked.length > 0 ? marked : results.strategies.map((s) => s.name);
  const lines: string[] = [];
  const ok = judged.map((name) => {
    const misses = results.rows.filter((r) => r.strategy === name && !r.pass).map((r) => {
      const point = Object.entries(r.point).map(([k, v]) => `${k}=${v}`).join(', ');
      const failed = r.slo.filter((v) => !v.pass).map((v) => v.text).join(', ');
      return `${failed}${point ? ` at ${point}` : ''}`;
    });
    const tenX = results.tenX.find((t) => t.strategy === name);
    if (tenX !== undefined && !tenX.pass) misses.push(`10x load (${tenX.tenXOffered} req/s)`);
    lines.push(misses.length === 0 ? `${name}: meets every SLO` : `${name}: fails ${misses.join('; ')}`);
    return misses.length === 0;
  });
  return { pass: marked.length > 0 ? ok.every(Boolean) : ok.some(Boolean), lines };
}
