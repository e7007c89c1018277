/**
 * Scenario outcomes → ExperimentResults, in the experiment's own order (strategies as
 * listed, sweep points first axis outermost): the rows, the 10x check, the time series and
 * the diagnosis. Reads outcomes by plan position only, so it cannot depend on which worker
 * finished first.
 */
import { diagnose } from './diagnosis/index.js';
import type { Plan } from './plan.js';
import type { ExperimentResults, ResultRow, TenXCheck, TimeSeries } from './results.js';
import { buildRow, figures } from './rows.js';
import type { ScenarioOutcome } from './scenario.js';
import type { LoadedExperiment } from './setup.js';
import { judge } from './slo.js';
import { describePoint, type Point } from './sweep.js';

export function assembleResults(exp: LoadedExperiment, plan: Plan, outcomes: readonly ScenarioOutcome[]): ExperimentResults {
  const reps = (strategy: string, point: Point): ScenarioOutcome[] =>
    Array.from({ length: exp.settings.replications }, (_, r) => outcomes[plan.indexOf(strategy, point, r)]!);
  const rowAt = (strategy: string, point: Point): ResultRow =>
    buildRow(strategy, point, reps(strategy, point), exp.slos, strategy === exp.baseline ? null : reps(exp.baseline, point));

  const rows = exp.strategies.flatMap((s) => exp.points.map((p) => rowAt(s.name, p)));
  const tenX = exp.tenX === null ? [] : exp.strategies.map((s) => tenXCheck(s.name, rowAt(s.name, exp.tenX!.base), rowAt(s.name, exp.tenX!.tenX), exp));
  const timeseries: TimeSeries[] = exp.timeseries.map((t) => ({
    strategy: t.strategy,
    point: { ...t.point },
    window: t.window,
    windows: outcomes[plan.seriesIndexOf(t.strategy, t.point, t.window)]!.series ?? [],
  }));
  const { config, settings } = exp;
  return {
    experiment: {
      name: config.name,
      ...(config.description !== undefined && { description: config.description }),
      hash: exp.hash,
      seed: settings.seed,
      replications: settings.replications,
      duration: settings.duration,
      warmup: settings.warmup,
      baseline: exp.baseline,
    },
    strategies: exp.strategies.map((s) => ({ name: s.name, ...(s.description !== undefined && { description: s.description }) })),
    axes: exp.axes.map((a) => ({ name: a.name, label: a.label, values: [...a.values] })),
    slos: [...exp.slos],
    rows,
    tenX,
    timeseries,
    diagnosis: exp.strategies.map((s) => diagnosisOf(exp, s.name, rows, timeseries)),
  };
}

/** With no SLOs, "handles" means under 1% errors and at least 95% of the offered load served. */
function tenXCheck(strategy: string, base: ResultRow, ten: ResultRow, exp: LoadedExperiment): TenXCheck {
  const pass = exp.slos.length > 0
    ? exp.slos.every((s) => judge(s, figures(ten)).pass)
    : ten.errorRate.mean < 0.01 && ten.throughput.mean >= 0.95 * ten.offered;
  return {
    strategy, baseOffered: base.offered, tenXOffered: ten.offered, pass, p95Ms: ten.p95Ms.mean, errorRate: ten.errorRate.mean,
    basePoint: { ...base.point }, tenXPoint: { ...ten.point },
  };
}

function diagnosisOf(exp: LoadedExperiment, strategy: string, rows: readonly ResultRow[], series: readonly TimeSeries[]) {
  const own = rows.filter((r) => r.strategy === strategy).map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.offered - b.r.offered || a.i - b.i).map((x) => x.r);
  const model = exp.modelFor(strategy, exp.points[0]!).model;
  return diagnose({
    strategy,
    rows: own,
    slos: exp.slos,
    series: series.filter((t) => t.strategy === strategy),
    describe: (row) => describePoint(row.point, exp.axes),
    coresOf: (name) => {
      const config = model.components.find((c) => c.name === name)?.config as { cores?: unknown; servers?: unknown } | undefined;
      const n = config?.cores ?? config?.servers;
      return typeof n === 'number' && n > 0 ? n : null;
    },
  });
}
