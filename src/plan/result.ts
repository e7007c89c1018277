/**
 * The PlanResult put together from the search: the plan, its runners-up and near miss,
 * each knob's searched values and bound, and the count of simulations against the
 * brute-force grid they stand in for.
 */
import type { SloSpec } from '../experiment/results.js';
import type { LoadedModel } from '../run/load-model.js';
import type { Bound } from './bounds.js';
import type { Knob } from './knobs.js';
import type { SearchOutcome } from './search.js';
import type { PlanSettings } from './settings.js';
import type { Trimmed } from './trim.js';
import type { Candidate, KnobSummary, PlanResult } from './types.js';

export interface ResultParts {
  readonly loaded: LoadedModel;
  readonly settings: PlanSettings;
  readonly slos: readonly SloSpec[];
  readonly knobs: readonly Knob[];
  readonly axes: readonly (readonly number[])[];
  readonly bounds: readonly Bound[];
  /** null when even the top configuration failed (no search was worth running). */
  readonly outcome: SearchOutcome | null;
  /** The search's plan with its free knobs trimmed, or null without a plan. */
  readonly trimmed: Trimmed | null;
  readonly evaluated: readonly Candidate[];
  readonly top: Candidate;
  readonly notes: readonly string[];
  readonly load: PlanResult['load'];
  readonly grid: number;
}

export function assembleResult(r: ResultParts): PlanResult {
  const plan = r.trimmed?.plan ?? null;
  const evaluations = r.evaluated.length;
  const reps = r.settings.replications;
  const notes = [...r.notes];
  if (r.outcome === null) notes.push(`even the top configuration of the searched range fails (${r.top.why ?? 'see its figures'}), and no knob's resource is busy enough for more capacity to help`);
  else if (plan === null) notes.push(r.outcome.stoppedBy === 'budget' ? `the budget of ${r.settings.maxEvaluations} evaluations ran out before a configuration passed: raise --max-evaluations` : 'no configuration in the searched grid passes');
  return {
    model: { name: r.loaded.model.name, file: r.loaded.file, hash: r.loaded.hash },
    load: r.load,
    slos: r.slos,
    settings: r.settings,
    knobs: r.knobs.map((k, i): KnobSummary => {
      const axis = r.axes[i]!;
      const b = r.bounds[i]!;
      return { id: k.id, model: k.current, values: axis, bound: axis[Math.min(b.index, axis.length - 1)]!, boundReason: b.reason };
    }),
    plan,
    runnersUp: r.outcome?.passed.slice(1) ?? [],
    nearMiss: nearMiss(plan, [...(r.outcome?.failed ?? []), ...(r.trimmed?.failed ?? [])], r.outcome === null, r.evaluated, r.top),
    evaluated: r.evaluated,
    search: {
      evaluations,
      pilotRuns: 1,
      simulations: 1 + evaluations * reps,
      gridSize: r.grid,
      bruteForceSimulations: r.grid * reps,
      ruledOutByBounds: r.outcome?.ruledOut ?? 0,
      prunedFailing: r.outcome?.prunedFailing ?? 0,
      prunedSaturated: r.outcome?.prunedSaturated ?? 0,
      stoppedBy: r.outcome?.stoppedBy ?? 'infeasible',
    },
    notes,
    currency: r.loaded.prices.currency,
  };
}

/** The dearest failure no dearer than the plan (the last one simulated on ties); without a
 * plan, the top configuration when nothing was searched, else the dearest failure. */
function nearMiss(plan: Candidate | null, failed: readonly Candidate[], unsearched: boolean, evaluated: readonly Candidate[], top: Candidate): Candidate | null {
  if (plan === null) return unsearched ? top : dearest(evaluated.filter((c) => !c.pass));
  return dearest(failed.filter((c) => c.costPerHour <= plan.costPerHour));
}

function dearest(list: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of list) if (best === null || c.costPerHour >= best.costPerHour) best = c;
  return best;
}
