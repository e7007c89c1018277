/**
 * Rules read against the SLOs: an error rate above its SLO (where it starts and how high it
 * gets), and the knee — the load where a latency percentile crosses its SLO, which is the
 * capacity a strategy can be credited with.
 */
import { compare } from '../slo.js';
import type { ResultRow, SloSpec } from '../results.js';
import { ms, type Rule } from './types.js';

const LATENCY = new Set<SloSpec['metric']>(['p50', 'p95', 'p99', 'mean']);

const pctText = (x: number): string => `${Number((x * 100).toPrecision(2))}%`;

export const errorSloRule: Rule = (input) => input.slos.filter((s) => s.metric === 'errors').flatMap((slo) => {
  const failing = input.rows.filter((r) => !compare(r.errorRate.mean, slo.op, slo.threshold));
  if (failing.length === 0) return [];
  const first = failing[0]!;
  const worst = failing.reduce((a, b) => (b.errorRate.mean > a.errorRate.mean ? b : a));
  const tail = worst === first ? '' : `, reaching ${pctText(worst.errorRate.mean)} at ${input.describe(worst)}`;
  return [{ rank: 50, text: `errors break the SLO (${slo.text}) from ${input.describe(first)} (${pctText(first.errorRate.mean)})${tail}.` }];
});

export const kneeRule: Rule = (input) => input.slos.filter((s) => LATENCY.has(s.metric)).flatMap((slo) => {
  const value = (r: ResultRow) => latency(r, slo.metric);
  const ok = (r: ResultRow) => { const v = value(r); return v !== null && compare(v, slo.op, slo.threshold); };
  const i = input.rows.findIndex((r) => !ok(r));
  const show = (r: ResultRow) => { const v = value(r); return v === null ? 'no successful responses' : ms(v); };
  if (input.rows.length === 0) return [];
  if (i < 0) {
    const last = input.rows.at(-1)!;
    return [{ rank: 61, text: `${slo.metric} stays within the SLO (${slo.text}) up to ${input.describe(last)} (${show(last)}).` }];
  }
  const bad = input.rows[i]!;
  if (i === 0) return [{ rank: 60, text: `${slo.metric} misses the SLO (${slo.text}) already at ${input.describe(bad)} (${show(bad)}).` }];
  const good = input.rows[i - 1]!;
  return [{ rank: 60, text: `${slo.metric} crosses the SLO (${slo.text}) between ${input.describe(good)} (${show(good)}) and ${input.describe(bad)} (${show(bad)}): the knee.` }];
});

function latency(r: ResultRow, metric: SloSpec['metric']): number | null {
  const e = metric === 'p50' ? r.p50Ms : metric === 'p95' ? r.p95Ms : metric === 'p99' ? r.p99Ms : r.meanMs;
  return e.n === 0 ? null : e.mean;
}
