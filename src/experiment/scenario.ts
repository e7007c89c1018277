/**
 * One scenario — a strategy at a sweep point, one replication — as a pure function of the
 * experiment and those three: the same inputs give the same outcome in any thread, in any
 * order. Replication r of every strategy uses the seed deriveSeed(master, 'rep', r), so
 * strategies are compared under common random numbers.
 */
import type { ComponentReport } from '../components/define.js';
import { deriveSeed } from '../engine/random/streams.js';
import { round } from '../metrics/summary.js';
import { simulate } from '../run/simulate.js';
import type { TimeWindow } from './results.js';
import type { LoadedExperiment } from './setup.js';
import type { Point } from './sweep.js';
import { WindowSampler } from './timeseries.js';

export interface ScenarioJob {
  readonly strategy: string;
  readonly point: Point;
  readonly rep: number;
  /** Sample a time series with this window (seconds), or null. */
  readonly window: number | null;
}

/** What a scenario hands back: small, plain, structured-clone safe. */
export interface ScenarioOutcome {
  /** Requests generated per second of the measured window. */
  offered: number;
  throughput: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  components: ComponentReport[];
  costPerHour: number;
  costPerMillion: number | null;
  series: TimeWindow[] | null;
}

export function replicationSeed(master: number | string, rep: number): string {
  return deriveSeed(master, 'rep', rep);
}

export function runScenario(exp: LoadedExperiment, job: ScenarioJob): ScenarioOutcome {
  const { duration, warmup } = exp.settings;
  const loaded = exp.modelFor(job.strategy, job.point);
  let generatedAtWarmup = 0;
  let totalGenerated = (): number => 0;
  let sampler: WindowSampler | null = null;
  const summary = simulate(loaded, {
    seed: replicationSeed(exp.settings.seed, job.rep),
    duration,
    warmup,
    observe: (built) => {
      totalGenerated = () => built.sources.reduce((n, s) => n + s.generator.generated, 0);
      built.sim.schedule(warmup, () => { generatedAtWarmup = totalGenerated(); }, null);
      if (job.window !== null) sampler = new WindowSampler(built, job.window, warmup + duration);
    },
  });
  const o = summary.overall;
  const series = (sampler as WindowSampler | null)?.finish(warmup + duration) ?? null;
  return {
    offered: round((totalGenerated() - generatedAtWarmup) / duration),
    throughput: o.throughput,
    errorRate: o.errorRate,
    p50Ms: o.latencyMs.p50,
    p95Ms: o.latencyMs.p95,
    p99Ms: o.latencyMs.p99,
    meanMs: o.latencyMs.mean,
    components: summary.components,
    costPerHour: summary.cost.perHour,
    costPerMillion: summary.cost.perMillionRequests,
    series,
  };
}
