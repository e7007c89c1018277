/**
 * One results row from a strategy's replications at a sweep point: means and 95% intervals
 * of throughput, latency percentiles, error rate, component utilisation and cost; the SLO
 * verdicts on those means; and, for strategies other than the baseline, the paired
 * difference from the baseline's same replications.
 */
import type { ComponentReport } from '../components/define.js';
import { round } from '../metrics/summary.js';
import { estimate, paired } from './estimate.js';
import type { ComponentLoad, Estimate, ResultRow, SloSpec } from './results.js';
import type { ScenarioOutcome } from './scenario.js';
import { shardLoads } from './shard-load.js';
import { judge, type SloFigures } from './slo.js';
import type { Point } from './sweep.js';

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : round(xs.reduce((a, b) => a + b, 0) / xs.length));

export function buildRow(strategy: string, point: Point, outs: readonly ScenarioOutcome[], slos: readonly SloSpec[], baseline: readonly ScenarioOutcome[] | null): ResultRow {
  const est = (f: (o: ScenarioOutcome) => number | null) => estimate(outs.map(f));
  const throughput = est((o) => o.throughput);
  const errorRate = est((o) => o.errorRate);
  const latency = { p50Ms: est((o) => o.p50Ms), p95Ms: est((o) => o.p95Ms), p99Ms: est((o) => o.p99Ms), meanMs: est((o) => o.meanMs) };
  const components = componentLoads(outs);
  const busiest = components.filter((c) => c.utilisation.n > 0)
    .reduce<{ name: string; utilisation: number } | null>((b, c) => (b === null || c.utilisation.mean > b.utilisation ? { name: c.name, utilisation: c.utilisation.mean } : b), null);
  const perMillion = outs.map((o) => o.costPerMillion);
  const slo = slos.map((s) => judge(s, figures({ throughput, errorRate, ...latency })));
  const row: ResultRow = {
    strategy,
    point: { ...point },
    offered: mean(outs.map((o) => o.offered)),
    throughput,
    ...latency,
    errorRate,
    components,
    busiest: busiest ?? { name: 'none', utilisation: 0 },
    costPerHour: mean(outs.map((o) => o.costPerHour)),
    costPerMillion: perMillion.every((x) => x === null) ? null : estimate(perMillion),
    slo,
    pass: slo.every((v) => v.pass),
  };
  const sharded = shardLoads(outs.map((o) => o.components));
  if (sharded !== null) {
    row.shards = sharded.shards;
    if (sharded.hotToMean !== null) row.hotToMean = sharded.hotToMean;
  }
  if (baseline !== null) {
    const diff = (f: (o: ScenarioOutcome) => number | null) => paired(outs.map(f), baseline.map(f));
    row.vsBaseline = { p95Ms: diff((o) => o.p95Ms), throughput: diff((o) => o.throughput), errorRate: diff((o) => o.errorRate) };
  }
  return row;
}

/** SLO figures from estimates: a latency nobody measured (n = 0) is null, and fails. */
export function figures(e: { throughput: Estimate; errorRate: Estimate; p50Ms: Estimate; p95Ms: Estimate; p99Ms: Estimate; meanMs: Estimate }): SloFigures {
  const v = (x: Estimate) => (x.n === 0 ? null : x.mean);
  return { throughput: e.throughput.mean, errorRate: e.errorRate.mean, p50Ms: v(e.p50Ms), p95Ms: v(e.p95Ms), p99Ms: v(e.p99Ms), meanMs: v(e.meanMs) };
}

/** Components in the order the first replication reported them (the build order). */
function componentLoads(outs: readonly ScenarioOutcome[]): ComponentLoad[] {
  const first = outs[0]?.components ?? [];
  return first.map((c) => {
    const same = outs.map((o) => o.components.find((x) => x.name === c.name));
    const avg = (f: (r: ComponentReport) => number | undefined): number | undefined => {
      const xs = same.flatMap((r) => { const x = r === undefined ? undefined : f(r); return x === undefined || !Number.isFinite(x) ? [] : [x]; });
      return xs.length === 0 ? undefined : mean(xs);
    };
    const load: ComponentLoad = {
      name: c.name,
      kind: c.kind,
      utilisation: estimate(same.map((r) => (r?.utilisation !== undefined && Number.isFinite(r.utilisation) ? r.utilisation : null))),
    };
    const meanQueue = avg((r) => r.meanQueue);
    const maxQueue = avg((r) => r.maxQueue);
    const poolWait = avg((r) => r.poolWaitP95Ms);
    if (meanQueue !== undefined) load.meanQueue = meanQueue;
    if (maxQueue !== undefined) load.maxQueue = maxQueue;
    if (poolWait !== undefined) load.poolWaitP95Ms = poolWait;
    return load;
  });
}
