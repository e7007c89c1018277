/**
 * The shape of an experiment's results (results.json): strategies × sweep points, each a
 * summary over replications with confidence intervals, plus SLO verdicts, the "handles 10x
 * load" check, time series of one scenario and a plain-words diagnosis. Everything here is
 * a pure function of the experiment file and its seed — wall-clock facts go to run-info.json.
 * Charts and the HTML report read only this.
 */

/** A mean over replications with its Student-t confidence interval (null bounds when n = 1). */
export interface Estimate {
  mean: number;
  low: number | null;
  high: number | null;
  /** Replications behind it. */
  n: number;
}

/** A difference strategy − baseline with common random numbers (paired t interval). */
export interface PairedEstimate extends Estimate {
  /** True when the interval excludes 0. */
  significant: boolean;
}

export interface SloSpec {
  /** As written, e.g. "p95 < 200ms". */
  text: string;
  metric: 'p50' | 'p95' | 'p99' | 'mean' | 'errors' | 'throughput';
  op: '<' | '<=' | '>' | '>=';
  /** In the metric's unit: ms for latencies, a fraction for errors, req/s for throughput. */
  threshold: number;
}

export interface SloVerdict {
  text: string;
  pass: boolean;
  /** The value judged (mean over replications), in the metric's unit. */
  value: number;
}

export interface ComponentLoad {
  name: string;
  kind: string;
  utilisation: Estimate;
  /** Means over replications of what the component reports, where it reports them. */
  meanQueue?: number;
  maxQueue?: number;
  poolWaitP95Ms?: number;
}

/** One shard behind a shard_router: its CPU utilisation and share of the router's queries
 * (means over replications; scatter-gather queries count on every shard they reach). */
export interface ShardLoad {
  router: string;
  name: string;
  utilisation: number;
  share: number;
}

export interface ResultRow {
  strategy: string;
  /** Sweep axis values of this point, e.g. { users: 500 }. */
  point: Record<string, number>;
  /** Offered load at this point in requests per second (mean over replications). */
  offered: number;
  throughput: Estimate;
  p50Ms: Estimate;
  p95Ms: Estimate;
  p99Ms: Estimate;
  meanMs: Estimate;
  /** Fraction of responses that were errors. */
  errorRate: Estimate;
  /** Utilisation of every component, and which was busiest. */
  components: ComponentLoad[];
  busiest: { name: string; utilisation: number };
  costPerHour: number;
  costPerMillion: Estimate | null;
  slo: SloVerdict[];
  /** All SLOs met. */
  pass: boolean;
  /** Load per shard, where the model has shard routers (absent otherwise). */
  shards?: ShardLoad[];
  /** Hottest shard's queries over the mean shard's (the highest over routers), where sharded. */
  hotToMean?: number;
  /** Difference from the baseline strategy at the same point (absent for the baseline). */
  vsBaseline?: { p95Ms: PairedEstimate; throughput: PairedEstimate; errorRate: PairedEstimate };
}

export interface TimeWindow {
  /** Window start, simulated seconds from the beginning of the run (warm-up included). */
  t: number;
  offered: number;
  throughput: number;
  p95Ms: number | null;
  errors: number;
  /** Queue lengths (mean over the window) by component name. */
  queues: Record<string, number>;
  /** Optional extra series, e.g. replica counts once autoscaling exists. */
  extra?: Record<string, number>;
}

export interface TimeSeries {
  strategy: string;
  point: Record<string, number>;
  window: number;
  windows: TimeWindow[];
}

export interface TenXCheck {
  strategy: string;
  /** The base load (first sweep point's offered load, or as configured) and 10× that. */
  baseOffered: number;
  tenXOffered: number;
  /** The sweep points run as the base and as 10× it (the 10x axis scaled, others at their first value). */
  basePoint?: Record<string, number>;
  tenXPoint?: Record<string, number>;
  /** Whether every SLO holds at 10× the base load. */
  pass: boolean;
  p95Ms: number;
  errorRate: number;
}

export interface Diagnosis {
  strategy: string;
  /** Plain sentences, most important first, e.g. "db CPU is 94% busy at 2000 users: the bottleneck." */
  findings: string[];
}

export interface ExperimentResults {
  experiment: {
    name: string;
    description?: string;
    /** sha256 prefix of the experiment file and the models it uses. */
    hash: string;
    seed: number | string;
    replications: number;
    duration: number;
    warmup: number;
    baseline: string;
  };
  strategies: { name: string; description?: string }[];
  axes: { name: string; label: string; values: number[] }[];
  slos: SloSpec[];
  rows: ResultRow[];
  tenX: TenXCheck[];
  timeseries: TimeSeries[];
  diagnosis: Diagnosis[];
}
