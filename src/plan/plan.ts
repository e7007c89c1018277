/**
 * `planCapacity`: the cheapest configuration of a model's capacity knobs that meets its
 * SLOs at a target load. The phases:
 *
 *   pilot run ─demands→ first tops ─simulate the top configuration→ feasible? (raise tops)
 *     ─demands at the target→ utilisation bounds ─cheapest-first search of the priced knobs
 *     (search.ts)→ plan ─trim the free knobs (trim.ts)→ PlanResult
 *
 * Bounds come from the utilisation law applied to demands measured by simulation, so the
 * search starts near the boundary and most of brute force's grid is never simulated.
 */
import type { LoadedModel } from '../run/load-model.js';
import { simulate } from '../run/simulate.js';
import { axisOf, firstTops, pilotValue, raisedTop } from './axes.js';
import { lowerBounds, unreachable, withinBounds } from './bounds.js';
import { connectionCheck, type ConnectionCheck } from './connections.js';
import { costModel } from './cost.js';
import { measureResources, predicted, valueOf, type Resource, type ValueOf } from './demand.js';
import { runSeed, type Evaluation } from './evaluate.js';
import { modelKnobs, selectKnobs, withValues, type Knob } from './knobs.js';
import { gridSize, type Point } from './lattice.js';
import { applyLoad, boundThroughput, describeLoad } from './load.js';
import { assumptions } from './notes.js';
import { assembleResult } from './result.js';
import { search } from './search.js';
import { DEFAULT_SLOS, parseSlos, planSettings } from './settings.js';
import { Trials } from './trials.js';
import { trimFree } from './trim.js';
import type { PlanOptions, PlanResult } from './types.js';

/** Raising the tops is tried this many times before the SLOs are declared out of reach. */
const TOP_RETRIES = 3;
/** A resource this busy in a failing top configuration is what more capacity should relieve. */
const HOT = 0.8;

export function planCapacity(loaded: LoadedModel, options: PlanOptions = {}): PlanResult {
  const s = planSettings(loaded.model, options);
  const slos = parseSlos(options.slos ?? DEFAULT_SLOS);
  const knobs = selectKnobs(modelKnobs(loaded.model), options.knobs);
  const horizon = s.warmup + s.duration;
  const target = applyLoad(loaded.model, options.load, horizon);
  const x = boundThroughput(target, slos, horizon);
  const limit = s.maxUtilisation;
  const at = (values: readonly number[]) => valueOf(target, knobs, values);
  const trials = new Trials(loaded, target, knobs, slos, s, options.onEvaluated);
  const connections = connectionCheck(target);

  // The pilot runs the model's own traffic: demands per request do not depend on the load.
  const pilotValues = knobs.map(pilotValue);
  const pilotModel = withValues(loaded.model, knobs, pilotValues);
  const pilot = simulate({ ...loaded, model: pilotModel }, { seed: runSeed(s.seed, 0), duration: s.duration, warmup: s.warmup });
  let resources = measureResources(pilot, pilotModel, knobs, valueOf(pilotModel, knobs, pilotValues));

  let tops = firstTops(knobs, resources, x, limit, at);
  let axes = knobs.map((k, i) => axisOf(k, tops[i]!));
  let topValues = fitConnections(axes.map((a) => a.at(-1)!), knobs, axes, at, connections);
  let top = trials.run(topValues);
  resources = trials.resources(top, topValues);
  for (let t = 0; t < TOP_RETRIES && !top.candidate.pass && trials.left > 0; t++) {
    const raised = raiseTops(knobs, tops, resources, top, at(topValues));
    if (raised === null) break;
    tops = raised;
    axes = knobs.map((k, i) => axisOf(k, tops[i]!));
    topValues = fitConnections(axes.map((a) => a.at(-1)!), knobs, axes, at, connections);
    top = trials.run(topValues);
    resources = trials.resources(top, topValues);
  }

  const feasible = (values: readonly number[]) => withinBounds(resources, x, limit, at(values)) && connections.over(at(values)) === null;
  const bounds = lowerBounds(resources, knobs, axes, x, limit, at);
  const cost = costModel(target, loaded.prices, knobs);
  const free = knobs.map((_, i) => i).filter((i) => isFree(cost.of, topValues, i, axes[i]!));
  // free knobs stay at the top while the priced ones are searched
  const searchAxes = axes.map((a, i) => (free.includes(i) ? [topValues[i]!] : a));
  const sizes = searchAxes.map((a) => a.length);
  const valuesOf = (p: Point) => p.map((j, i) => searchAxes[i]![j]!);
  const topKey = topValues.join(',');
  const topTrial = trials.trial(top, topValues);
  const outcome = !top.candidate.pass ? null : search({
    sizes,
    start: bounds.map((b, i) => (free.includes(i) ? 0 : Math.min(b.index, sizes[i]! - 1))),
    costOf: (p) => cost.of(valuesOf(p)),
    feasible: (p) => feasible(valuesOf(p)),
    known: (p) => (valuesOf(p).join(',') === topKey ? topTrial : undefined),
    evaluate: (p) => trials.trial(trials.run(valuesOf(p)), valuesOf(p)),
  }, { evaluations: trials.left, runnersUp: 1 });

  const found = outcome?.passed[0];
  const trimmed = found === undefined ? null : trimFree({
    axes, free, lowest: bounds.map((b) => b.index), feasible,
    evaluate: (values) => (trials.left > 0 ? trials.run(values).candidate : null),
  }, found, knobs.map((k) => found.config[k.id]!));

  return assembleResult({
    loaded, settings: s, slos, knobs, axes, bounds, outcome, trimmed, evaluated: trials.evaluated, top: top.candidate,
    notes: [...unreachable(resources, x, limit, at(topValues)), ...assumptions(loaded.model, target, slos, knobs, x, options, free)],
    load: { type: options.load === undefined ? 'model' : 'rate' in options.load ? 'open_loop' : 'closed_loop', ...describeLoad(target, horizon), boundThroughput: x },
    grid: gridSize(axes.map((a) => a.length)),
  });
}

/** A knob whose every value costs the same (with the others at the top). */
function isFree(costOf: (values: readonly number[]) => number, topValues: readonly number[], i: number, axis: readonly number[]): boolean {
  const at = (v: number) => costOf(topValues.map((t, j) => (j === i ? v : t)));
  return at(axis[0]!) === at(axis.at(-1)!);
}

/** Lowers pool sizes in the top configuration until its persistent connections fit. */
function fitConnections(
  values: number[], knobs: readonly Knob[], axes: readonly (readonly number[])[], at: (v: readonly number[]) => ValueOf, check: ConnectionCheck,
): number[] {
  const out = [...values];
  const pools = knobs.map((k, i) => (k.field === 'size' ? i : -1)).filter((i) => i >= 0);
  for (let guard = 0; check.over(at(out)) !== null && guard < 100_000; guard++) {
    const i = pools.find((j) => out[j]! > axes[j]![0]!);
    if (i === undefined) break;
    out[i] = axes[i]![axes[i]!.indexOf(out[i]!) - 1]!;
  }
  return out;
}

/** Higher tops for the knobs behind the resources still busy in a failing top configuration,
 * or null when none is busy: then more capacity would not help. */
function raiseTops(knobs: readonly Knob[], tops: readonly number[], resources: readonly Resource[], top: Evaluation, v: ValueOf): number[] | null {
  // the throughput the top configuration carried: the predictions give back what it measured
  const x = top.first.overall.count / top.first.simulated.duration;
  const hot = new Set(resources.filter((r) => r.knobs.length > 0 && predicted(r, x, v) >= HOT).flatMap((r) => r.knobs));
  if (hot.size === 0) return null;
  const raised = knobs.map((k, i) => (hot.has(k.id) ? raisedTop(k, tops[i]!) : tops[i]!));
  return raised.every((t, i) => t === tops[i]) ? null : raised;
}
