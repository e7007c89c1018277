/**
 * What a client reports (RunSummary.clients[]): calls and attempts — their ratio is the
 * retry amplification —, how calls ended, the client-seen latency of successful calls
 * (retries and backoff included), the breaker's and budget's work, the goodput series and
 * whether the system recovered. Rounded to fixed precision, never NaN.
 */
import { CLOSED, HALF_OPEN } from './breaker.js';
import type { Client } from './client.js';
import { recoveryOf, type Recovery } from './recovery.js';

export interface ClientReport {
  readonly source: string;
  /** Calls made (first attempts) and attempts sent to the server (retries included). */
  readonly calls: number;
  readonly attempts: number;
  /** attempts / calls: 1 without retries, up to 1 + max retries when every attempt fails. */
  readonly amplification: number;
  readonly retries: number;
  readonly timeouts: number;
  /** Server answers that arrived after the client had given up (wasted work). */
  readonly lateResponses: number;
  readonly succeeded: number;
  readonly failed: number;
  /** Successful calls per simulated second. */
  readonly goodput: number;
  readonly failuresByCause: Record<string, number>;
  /** Client-seen latency of successful calls, first attempt to final answer, in ms. */
  readonly latencyMs: { mean: number | null; p50: number | null; p95: number | null; p99: number | null };
  readonly budget?: { readonly granted: number; readonly denied: number };
  readonly breaker?: { readonly opened: number; readonly refused: number; readonly openSeconds: number; readonly state: 'closed' | 'open' | 'half_open' };
  readonly recovery: Recovery & { readonly window: number; readonly tolerance: number };
  /** Per window of `recovery.window` seconds from time 0: calls offered, attempts, successful calls. */
  readonly series: { readonly offered: number[]; readonly attempts: number[]; readonly goodput: number[] };
}

const round = (x: number, digits = 6): number => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : 0);

export function clientReport(source: string, c: Client, now: number): ClientReport {
  const s = c.series;
  const windows = s.complete(now);
  const cut = (a: number[]) => Array.from({ length: windows }, (_, k) => a[k] ?? 0);
  const ms = (v: number | undefined) => (v === undefined || c.latency.count === 0 ? null : round(v * 1000, 4));
  const elapsed = now - c.since;
  const report: ClientReport = {
    source,
    calls: c.calls,
    attempts: c.attempts,
    amplification: c.calls > 0 ? round(c.attempts / c.calls) : 0,
    retries: c.retries,
    timeouts: c.timeouts,
    lateResponses: c.late,
    succeeded: c.succeeded,
    failed: c.failed,
    goodput: elapsed > 0 ? round(c.succeeded / elapsed) : 0,
    failuresByCause: Object.fromEntries([...c.failures].sort((a, b) => a[0].localeCompare(b[0]))),
    latencyMs: { mean: ms(c.latency.mean), p50: ms(c.latency.percentile(50)), p95: ms(c.latency.percentile(95)), p99: ms(c.latency.percentile(99)) },
    recovery: {
      ...recoveryOf(s.offered, s.goodput, s.width, windows, c.settings.tolerance),
      window: s.width,
      tolerance: c.settings.tolerance,
    },
    series: { offered: cut(s.offered), attempts: cut(s.attempts), goodput: cut(s.goodput) },
  };
  return {
    ...report,
    ...(c.budget !== null && { budget: { granted: c.budget.granted, denied: c.budget.denied } }),
    ...(c.breaker !== null && {
      breaker: {
        opened: c.breaker.opened,
        refused: c.breaker.refused,
        openSeconds: round(c.breaker.openTime(now)),
        state: c.breaker.state === CLOSED ? 'closed' : c.breaker.state === HALF_OPEN ? 'half_open' : 'open',
      },
    }),
  };
}
