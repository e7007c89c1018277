/**
 * `explainModel`: a model's offered load, per-resource utilisation by the operational laws,
 * the bottleneck, the most this mix can get through, analytic latencies and connection
 * needs — in milliseconds of computation, without simulating. `stacksim explain` prints it;
 * capacity planning uses it for bounds. Pure: the same loaded model gives the same data.
 */
import type { LoadedModel } from '../run/load-model.js';
import { analyse, type Analysis } from './analysis.js';
import { explanationNotes, explanationWarnings } from './findings.js';
import { holdTimes, poolRows } from './pools.js';
import { cacheRows, endpointRows, resourceRows, unloadedResidence } from './rows.js';
import type { EndpointRow, Explanation, LoadRow, ResourceRow } from './types.js';

export function explainModel(loaded: LoadedModel): Explanation {
  const a = analyse(loaded.model);
  const resources = resourceRows(a);
  const endpoints = endpointRows(a);
  const warnings: string[] = [];
  const pools = poolRows(a.cat, a.solution.throughput, holdTimes(a.items, a.costs, a.shares, a.solution.residences), warnings);
  const load = loadRow(a);
  return {
    model: { name: loaded.model.name, file: loaded.file, hash: loaded.hash },
    method: a.solution.method,
    load,
    throughput: a.solution.throughput,
    responseMs: responseMs(a, endpoints),
    resources,
    bottleneck: bottleneck(a, resources),
    maxThroughput: maxThroughput(resources, load),
    endpoints,
    caches: cacheRows(a),
    pools,
    warnings: [...explanationWarnings(a, resources, endpoints), ...warnings],
    notes: explanationNotes(a),
  };
}

function loadRow(a: Analysis): LoadRow {
  const t = a.traffic;
  const open = t.openRates.reduce((s, r) => s + r, 0);
  const type = t.closed === null ? (open > 0 ? 'open' : 'none') : open > 0 ? 'mixed' : 'closed';
  return {
    type,
    requestsPerSecond: a.solution.throughput,
    peakRequestsPerSecond: open > 0 ? t.openPeak + (a.solution.throughput - open) : null,
    users: t.closed?.users ?? null,
    thinkSeconds: t.closed?.think ?? null,
    mix: Object.fromEntries(a.cat.model.endpoints.map((e, i) => [e.name, a.shares[i]!])),
    sources: t.sources.map(({ mix: _mix, peakRate: _peak, ...s }) => s),
  };
}

function responseMs(a: Analysis, endpoints: readonly EndpointRow[]): number | null {
  if (a.solution.response !== null) return a.solution.response * 1000;
  let sum = 0;
  for (const e of endpoints) {
    if (e.share <= 0) continue;
    if (e.latencyMs === null) return null;
    sum += e.share * e.latencyMs;
  }
  return sum;
}

const rate = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

function bottleneck(a: Analysis, rows: readonly ResourceRow[]): Explanation['bottleneck'] {
  const busiest = rows.reduce<ResourceRow | null>((b, r) => (r.utilisation > (b?.utilisation ?? 0) ? r : b), null);
  if (busiest === null) return null;
  const X = a.solution.throughput;
  const at = busiest.saturatesAt;
  const pct = `${(busiest.utilisation * 100).toFixed(0)}%`;
  const what = `${busiest.id} (${busiest.role}) is the bottleneck at ${pct}`;
  let sentence: string;
  if (busiest.verdict === 'overloaded') {
    sentence = `${what}: it saturates at ~${at === null ? '?' : rate(at)} req/s of this mix but ${rate(X)} req/s are offered — the queue grows without bound`;
  } else if (a.traffic.closed !== null && a.traffic.openRates.every((r) => r === 0)) {
    // the knee of the throughput curve, N* = (D + Z)/Dmax (asymptotic bounds)
    const xMax = rows.reduce((m, r) => Math.min(m, r.saturatesAt ?? Infinity), Infinity);
    const knee = Number.isFinite(xMax) ? `; throughput stops growing with users beyond ~${rate((unloadedResidence(a) + a.traffic.closed.think) * xMax)} users (N* = (D + Z)/Dmax)` : '';
    sentence = `${what}: it saturates at ~${at === null ? '?' : rate(at)} req/s of this mix; the ${a.traffic.closed.users} users generate ~${rate(X)} req/s${knee}`;
  } else {
    sentence = `${what}: it saturates at ~${at === null ? '?' : rate(at)} req/s of this mix; you offer ${rate(X)}`
      + (at !== null && X > 0 ? ` (headroom ×${(at / X).toFixed(2)})` : '');
  }
  return { resource: busiest.id, utilisation: busiest.utilisation, sentence };
}

function maxThroughput(rows: readonly ResourceRow[], load: LoadRow): Explanation['maxThroughput'] {
  const limiting = rows.filter((r) => r.saturatesAt !== null).sort((x, y) => x.saturatesAt! - y.saturatesAt!)[0];
  if (limiting === undefined) return null;
  const X = limiting.saturatesAt!;
  const of = load.requestsPerSecond > 0 ? ` (${((load.requestsPerSecond / X) * 100).toFixed(0)}% of it in use)` : '';
  return {
    requestsPerSecond: X,
    limitedBy: limiting.id,
    sentence: `at most ~${rate(X)} req/s of this mix: X_max = min over resources of c/D, set by ${limiting.id}${of}`,
  };
}
