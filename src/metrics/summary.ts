/**
 * RunSummary: the documented result of `stacksim run` (and one scenario of an experiment).
 * A pure function of the model and seed: no wall-clock facts in it, numbers rounded to a
 * fixed precision so the bytes are stable, and never NaN (figures without data are null).
 */
import type { ComponentReport } from '../components/define.js';
import type { LatencyHistogram } from '../engine/stats/histogram.js';
import type { ClientReport } from '../workload/client/report.js';
import { EndpointMetrics, type RequestMetrics } from './requests.js';

export interface LatencySummaryMs {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export interface EndpointSummary {
  name: string;
  /** Responses counted (requests started after warm-up and answered before the end). */
  count: number;
  ok: number;
  errors: number;
  errorRate: number;
  /** Successful responses per simulated second. */
  throughput: number;
  latencyMs: LatencySummaryMs;
  errorsByCause: Record<string, number>;
  byStatus: Record<string, number>;
}

export interface RunSummary {
  model: { name: string; hash: string };
  seed: number | string;
  /** Simulated seconds: warm-up discarded, then measured. */
  simulated: { warmup: number; duration: number };
  overall: EndpointSummary;
  endpoints: EndpointSummary[];
  components: ComponentReport[];
  cost: { perHour: number; perMillionRequests: number | null; currency: string; pricesAsOf: string };
  /** started = responded + in flight; ended ≤ started (work still running after a response). */
  requests: { started: number; responded: number; inFlight: number };
  /** Sources with a `client:` block: calls vs attempts (retry amplification), timeouts,
   * breaker, goodput series and whether the run recovered. Absent when no source has one. */
  clients?: ClientReport[];
}

const round = (x: number, digits = 6): number => {
  if (!Number.isFinite(x)) return 0;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const ms = (h: LatencyHistogram, q: number | 'mean' | 'max'): number | null => {
  if (h.count === 0) return null;
  const v = q === 'mean' ? h.mean : q === 'max' ? h.max : h.percentile(q);
  return v === undefined ? null : round(v * 1000, 4);
};

export function latencySummary(h: LatencyHistogram): LatencySummaryMs {
  return { mean: ms(h, 'mean'), p50: ms(h, 50), p95: ms(h, 95), p99: ms(h, 99), max: ms(h, 'max') };
}

function endpointSummary(name: string, m: EndpointMetrics, duration: number): EndpointSummary {
  const count = m.ok + m.errors;
  const sorted = <K>(map: Map<K, number>) => Object.fromEntries([...map].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([k, v]) => [String(k), v]));
  return {
    name,
    count,
    ok: m.ok,
    errors: m.errors,
    errorRate: count > 0 ? round(m.errors / count) : 0,
    throughput: round(m.ok / duration),
    latencyMs: latencySummary(m.latency),
    errorsByCause: sorted(m.byCause),
    byStatus: sorted(m.byStatus),
  };
}

/** Per-endpoint summaries plus the overall line (histograms merged, counts added). */
export function summarizeRequests(metrics: RequestMetrics, duration: number): { overall: EndpointSummary; endpoints: EndpointSummary[] } {
  const endpoints = metrics.endpoints.map((m, i) => endpointSummary(metrics.endpointNames[i]!, m, duration));
  const all = metrics.endpoints.reduce((acc, m) => {
    acc.latency.merge(m.latency);
    acc.ok += m.ok;
    acc.errors += m.errors;
    for (const [k, v] of m.byCause) acc.byCause.set(k, (acc.byCause.get(k) ?? 0) + v);
    for (const [k, v] of m.byStatus) acc.byStatus.set(k, (acc.byStatus.get(k) ?? 0) + v);
    return acc;
  }, new EndpointMetrics());
  return { overall: endpointSummary('all', all, duration), endpoints };
}

export { round };
