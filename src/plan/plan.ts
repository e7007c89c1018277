/**
 * `planCapacity`: the cheapest configuration of a model's capacity knobs that meets its
 * SLOs at a target load. The phases:
 *
 *   pilot run ─demands→ first tops ─simulate the top configuration→ feasible? (raise tops)
 *     ─demands at the target→ utilisation bounds ─cheapest-first search (search.ts)→ PlanResult
 *
 * Bounds come from the utilisation law applied to demands measured by simulation, so the
 * search starts near the boundary and brute force's grid is mostly never simulated.
 */
import type { SloSpec } from '../experiment/results.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { LoadedModel } from '../run/load-model.js';
import { simulate } from '../run/simulate.js';
import { axisOf, firstTops, pilotValue, raisedTop } from './axes.js';
import { lowerBounds, unreachable, withinBounds } from './bounds.js';
import { connectionCheck } from './connections.js';
import { costModel } from './cost.js';
import { measureResources, predicted, valueOf, type Resource } from './demand.js';
import { evaluate, runSeed, type Evaluation } from './evaluate.js';
import { modelKnobs, selectKnobs, withValues, type Knob } from './knobs.js';
import { gridSize, type Point } from './lattice.js';
import { applyLoad, boundThroughput, describeLoad } from './load.js';
import { search } from './search.js';
import { DEFAULT_SLOS, parseSlos, planSettings, type PlanSettings } from './settings.js';
import { assembleResult } from './result.js';
import type { Candidate, PlanOptions, PlanResult } from './types.js';

/** Raising the tops is tried this many times before the SLOs are declared out of reach. */
const TOP_RETRIES = 3;
/** A resource this busy in a failing top configuration is what more capacity should relieve. */
const HOT = 0.8;

/** Simulates configurations of one target model and keeps count. */
class Trials {
  readonly evaluated: Candidate[] = [];
  constructor(
    private readonly loaded: LoadedModel, readonly model: NormalizedModel, readonly knobs: readonly Knob[],
    private readonly slos: readonly SloSpec[], private readonly s: PlanSettings, private readonly onEvaluated?: PlanOptions['onEvaluated'],
  ) {}

  run(values: readonly number[]): Evaluation {
    const config = Object.fromEntries(this.knobs.map((k, i) => [k.id, values[i]!]));
    const e = evaluate(this.loaded, withValues(this.model, this.knobs, values), config, this.slos, this.s);
    this.evaluated.push(e.candidate);
    this.onEvaluated?.(e.candidate, this.evaluated.length);
    return e;
  }

  /** Demands as measured by an evaluation's first run. */
  resources(e: Evaluation, values: readonly number[]): Resource[] {
    return measureResources(e.first, withValues(this.model, this.knobs, values), this.knobs, valueOf(this.model, this.knobs, values));
  }
}

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
  for (let t = 0; t < TOP_RETRIES && !top.candidate.pass && trials.evaluated.length < s.maxEvaluations; t++) {
    const raised = raiseTops(knobs, tops, resources, top, topValues);
    if (raised === null) break;
    tops = raised;
    axes = knobs.map((k, i) => axisOf(k, tops[i]!));
    topValues = fitConnections(axes.map((a) => a.at(-1)!), knobs, axes, at, connections);
    top = trials.run(topValues);
    resources = trials.resources(top, topValues);
  }

  const bounds = lowerBounds(resources, knobs, axes, x, limit, at);
  const sizes = axes.map((a) => a.length);
  const valuesOf = (p: Point) => p.map((j, i) => axes[i]![j]!);
  const topKey = topValues.join(',');
  const cost = costModel(target, loaded.prices, knobs);
  const outcome = top.candidate.pass
    ? search({
      sizes,
      start: bounds.map((b, i) => Math.min(b.index, sizes[i]! - 1)),
      costOf: (p) => cost.of(valuesOf(p)),
      feasible: (p) => withinBounds(resources, x, limit, at(valuesOf(p))) && connections.over(at(valuesOf(p))) === null,
      known: (p) => (valuesOf(p).join(',') === topKey ? top.candidate : undefined),
      evaluate: (p) => trials.run(valuesOf(p)).candidate,
    }, { evaluations: s.maxEvaluations - trials.evaluated.length, runnersUp: 1 })
    : null;

  const notes = [
    ...unreachable(resources, x, limit, at(topValues)),
    ...assumptions(loaded.model, target, slos, knobs, x, options),
  ];
  return assembleResult({
    loaded, settings: s, slos, knobs, axes, bounds, outcome, evaluated: trials.evaluated, top: top.candidate, notes,
    load: { type: options.load === undefined ? 'model' : 'rate' in options.load ? 'open_loop' : 'closed_loop', ...describeLoad(target, horizon), boundThroughput: x },
    grid: gridSize(sizes),
  });
}

/** Lowers pool sizes in the top configuration until its persistent connections fit. */
function fitConnections(values: number[], knobs: readonly Knob[], axes: readonly (readonly number[])[], at: (v: readonly number[]) => ReturnType<typeof valueOf>, check: ReturnType<typeof connectionCheck>): number[] {
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
function raiseTops(knobs: readonly Knob[], tops: readonly number[], resources: readonly Resource[], top: Evaluation, values: readonly number[]): number[] | null {
  const x = top.first.overall.count / top.first.simulated.duration;
  const v = valueOf(top.first.components.length >= 0 ? ({ components: [] } as unknown as NormalizedModel) : ({} as NormalizedModel), knobs, values);
  const hot = new Set(resources.filter((r) => r.knobs.length > 0 && predicted(r, x, v) >= HOT).flatMap((r) => r.knobs));
  if (hot.size === 0) return null;
  const raised = knobs.map((k, i) => (hot.has(k.id) ? raisedTop(k, tops[i]!) : tops[i]!));
  return raised.every((t, i) => t === tops[i]) ? null : raised;
}

function assumptions(model: NormalizedModel, target: NormalizedModel, slos: readonly SloSpec[], knobs: readonly Knob[], x: number, o: PlanOptions): string[] {
  const notes: string[] = [];
  if (x === 0) notes.push('no SLO forces a throughput (no errors, latency or throughput target applies), so no utilisation bound was drawn');
  else if (target.traffic.some((t) => t.type === 'open_loop') && !slos.some((t) => t.metric === 'errors')) {
    notes.push('no errors SLO: the bounds assume every request must be served');
  }
  for (const k of knobs) {
    if (k.field === 'cores' && !Number.isInteger(k.current)) notes.push(`${k.id} is ${k.current} in the model; the search tries whole cores`);
  }
  if (o.load === undefined && model.traffic.some((t) => t.type === 'trace')) notes.push('trace sources replay their recorded rate');
  return notes;
}
