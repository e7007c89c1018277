/**
 * The vocabulary of capacity planning: what `planCapacity` is asked (PlanOptions) and what
 * it answers (PlanResult) — plain data that prints as JSON with `stacksim plan --json`.
 * Costs are per hour in the price book's currency; latencies in ms; errors as fractions.
 */
import type { SloSpec } from '../experiment/results.js';

/** The offered load to plan for: an open-loop total rate, or a closed-loop population. */
export type LoadTarget = { readonly rate: number } | { readonly users: number };

/** How a replicated result is judged against an SLO: its mean, or the pessimistic end of
 * its 95% confidence interval (upper for `<` SLOs, lower for `>` ones). */
export type VerdictMode = 'mean' | 'bound';

export interface PlanOptions {
  /** Load to plan for (default: the model's own traffic). */
  readonly load?: LoadTarget;
  /** SLO lines such as "p95 < 200ms" (default: p95 < 200ms and errors < 0.1%). */
  readonly slos?: readonly string[];
  /** Knobs to search, by id (`app.instances`), field (`instances`) or component (`db`); default all. */
  readonly knobs?: readonly string[];
  /** Most configurations simulated, the feasibility check included (default 30). */
  readonly maxEvaluations?: number;
  /** Replications per configuration, under common random numbers (default 3). */
  readonly replications?: number;
  /** Measured and warm-up simulated seconds per run (default: the model's run settings). */
  readonly duration?: number;
  readonly warmup?: number;
  readonly seed?: number | string;
  readonly verdict?: VerdictMode;
  /** Utilisation a configuration must stay below, by the utilisation law, to be simulated (default 1). */
  readonly maxUtilisation?: number;
  /** Called after each simulated configuration (progress lines). */
  readonly onEvaluated?: (candidate: Candidate, done: number) => void;
}

/** One searchable setting of one component. */
export interface KnobSummary {
  /** `<component>.<field>`, e.g. `db.replicas.count`. */
  readonly id: string;
  /** The value the model file has. */
  readonly model: number;
  /** The values searched, low to high (the brute-force grid's axis). */
  readonly values: readonly number[];
  /** The smallest value the utilisation bound allows; the search starts there. */
  readonly bound: number;
  /** The resource behind the bound, e.g. "q servers: 4.00 busy at the target load", or null. */
  readonly boundReason: string | null;
}

export interface SloOutcome {
  readonly text: string;
  readonly pass: boolean;
  /** The value judged (mean or bound, see `verdict`), in the SLO's unit. */
  readonly value: number | null;
  readonly threshold: number;
  /** Fraction of the threshold left over: 0.09 for p95 182 ms against 200 ms; negative when failing. */
  readonly headroom: number | null;
}

export interface Figures {
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly meanMs: number | null;
  readonly errorRate: number;
  readonly throughput: number;
}

/** One simulated configuration. */
export interface Candidate {
  /** Knob id → value. */
  readonly config: Readonly<Record<string, number>>;
  readonly costPerHour: number;
  readonly costPerMillion: number | null;
  readonly pass: boolean;
  readonly slo: readonly SloOutcome[];
  /** Means over the replications. */
  readonly figures: Figures;
  readonly busiest: { readonly component: string; readonly utilisation: number } | null;
  /** Plain words for a failure: the SLOs missed and the busiest component. */
  readonly why: string | null;
}

export interface SearchCounts {
  /** Configurations simulated (each `replications` times). */
  readonly evaluations: number;
  /** Single runs that measured demands before the search. */
  readonly pilotRuns: number;
  /** All simulation runs: pilots + evaluations × replications. */
  readonly simulations: number;
  /** Configurations in the grid of searched values, and the runs brute force would need. */
  readonly gridSize: number;
  readonly bruteForceSimulations: number;
  /** Visited without simulating: over the utilisation bound (or a connection limit); with no
   * more capacity than a failure; leaving a resource saturated in a failure no better off. */
  readonly ruledOutByBounds: number;
  readonly prunedFailing: number;
  readonly prunedSaturated: number;
  readonly stoppedBy: 'found' | 'budget' | 'grid exhausted' | 'infeasible';
}

export interface PlanResult {
  readonly model: { readonly name: string; readonly file: string; readonly hash: string };
  readonly load: { readonly type: 'open_loop' | 'closed_loop' | 'model'; readonly rate: number | null; readonly users: number | null;
    /** Throughput the bounds assume the plan must carry (requests per second). */
    readonly boundThroughput: number };
  readonly slos: readonly SloSpec[];
  readonly settings: {
    readonly duration: number; readonly warmup: number; readonly replications: number; readonly seed: number | string;
    readonly verdict: VerdictMode; readonly maxUtilisation: number; readonly maxEvaluations: number;
  };
  readonly knobs: readonly KnobSummary[];
  /** The cheapest configuration meeting every SLO, or null when none was found. */
  readonly plan: Candidate | null;
  /** The next cheapest passing configuration simulated after the plan (maybe the plan plus a notch). */
  readonly runnersUp: readonly Candidate[];
  /** The costliest failing configuration no dearer than the plan (the near miss); without a
   * plan, the most generous configuration tried. */
  readonly nearMiss: Candidate | null;
  /** Every simulated configuration, in the order simulated. */
  readonly evaluated: readonly Candidate[];
  readonly search: SearchCounts;
  /** Things worth knowing: resources no knob can relieve, assumptions the bounds made. */
  readonly notes: readonly string[];
  readonly currency: string;
}
