/**
 * The planner's simulations of one target model: each configuration evaluated (with
 * replications) and remembered in order, its demands measured, and — when it fails — the
 * resources it saturated, which let the search skip configurations just as short of them.
 */
import type { SloSpec } from '../experiment/results.js';
import type { RunSummary } from '../metrics/summary.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { LoadedModel } from '../run/load-model.js';
import { measureResources, predicted, valueOf, type Resource } from './demand.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { withValues, type Knob } from './knobs.js';
import type { Trial } from './search.js';
import type { PlanSettings } from './settings.js';
import type { Candidate, PlanOptions } from './types.js';

/** A resource this busy (mean over the replications) in a failing configuration is saturated. */
const SATURATED = 0.95;

export class Trials {
  readonly evaluated: Candidate[] = [];

  constructor(
    private readonly loaded: LoadedModel, readonly model: NormalizedModel, readonly knobs: readonly Knob[],
    private readonly slos: readonly SloSpec[], private readonly s: PlanSettings, private readonly onEvaluated?: PlanOptions['onEvaluated'],
  ) {}

  /** Simulations still allowed by the budget. */
  get left(): number {
    return this.s.maxEvaluations - this.evaluated.length;
  }

  run(values: readonly number[]): Evaluation {
    const config = Object.fromEntries(this.knobs.map((k, i) => [k.id, values[i]!]));
    const e = evaluate(this.loaded, withValues(this.model, this.knobs, values), config, this.slos, this.s);
    this.evaluated.push(e.candidate);
    this.onEvaluated?.(e.candidate, this.evaluated.length);
    return e;
  }

  /** Demands as measured by one run of an evaluation (the first by default). */
  resources(e: Evaluation, values: readonly number[], run: RunSummary = e.first): Resource[] {
    return measureResources(run, withValues(this.model, this.knobs, values), this.knobs, valueOf(this.model, this.knobs, values));
  }

  /** An evaluation as the search sees it: with the resources it saturated, if it failed. */
  trial(e: Evaluation, values: readonly number[]): Trial {
    if (e.candidate.pass) return { candidate: e.candidate, saturated: [] };
    const v = valueOf(this.model, this.knobs, values);
    // each run's own throughput and demands give back the utilisation it measured
    const measured = e.runs.map((run) => this.resources(e, values, run).map((r) => predicted(r, run.overall.count / run.simulated.duration, v)));
    const index = (id: string) => this.knobs.findIndex((k) => k.id === id);
    const saturated = this.resources(e, values)
      .filter((r, i) => r.knobs.length > 0 && measured.reduce((sum, m) => sum + (m[i] ?? 0), 0) / measured.length >= SATURATED)
      .map((r) => r.relief.map(index));
    return { candidate: e.candidate, saturated };
  }
}
