/**
 * Simulating one configuration: `replications` runs under common random numbers (run r of
 * every configuration uses the same seed, so two configurations differ by their capacity,
 * not their luck), the figures averaged, and each SLO judged on the mean or on the
 * pessimistic end of its 95% confidence interval.
 */
import { compare, sloValue, type SloFigures } from '../experiment/slo.js';
import type { SloSpec } from '../experiment/results.js';
import { deriveSeed } from '../engine/random/streams.js';
import { meanCI } from '../engine/stats/confidence.js';
import type { RunSummary } from '../metrics/summary.js';
import type { NormalizedModel } from '../model/normalize.js';
import type { LoadedModel } from '../run/load-model.js';
import { simulate } from '../run/simulate.js';
import type { Candidate, Figures, SloOutcome, VerdictMode } from './types.js';

export interface EvalSettings {
  readonly seed: number | string;
  readonly duration: number;
  readonly warmup: number;
  readonly replications: number;
  readonly verdict: VerdictMode;
}

export interface Evaluation {
  readonly candidate: Candidate;
  /** Replication 0's summary: its utilisations refine the demand estimates. */
  readonly first: RunSummary;
  /** Every replication's summary. */
  readonly runs: readonly RunSummary[];
}

export function runSeed(master: number | string, rep: number): string {
  return deriveSeed(master, 'plan', rep);
}

export function evaluate(
  loaded: LoadedModel, model: NormalizedModel, config: Readonly<Record<string, number>>,
  slos: readonly SloSpec[], s: EvalSettings,
): Evaluation {
  const runs: RunSummary[] = [];
  for (let r = 0; r < s.replications; r++) {
    runs.push(simulate({ ...loaded, model }, { seed: runSeed(s.seed, r), duration: s.duration, warmup: s.warmup }));
  }
  const each = runs.map(figuresOf);
  const slo = slos.map((spec) => judgeReplicated(spec, each, s.verdict));
  const pass = slo.every((o) => o.pass);
  const busiest = busiestOf(runs);
  const perMillion = runs.map((r) => r.cost.perMillionRequests);
  const candidate: Candidate = {
    config,
    costPerHour: runs[0]!.cost.perHour,
    costPerMillion: perMillion.some((p) => p === null) ? null : round(mean(perMillion as number[])),
    pass,
    slo,
    figures: averaged(each),
    busiest,
    why: pass ? null : whyFailed(slo, slos, busiest),
  };
  return { candidate, first: runs[0]!, runs };
}

function figuresOf(r: RunSummary): SloFigures {
  const o = r.overall;
  return { p50Ms: o.latencyMs.p50, p95Ms: o.latencyMs.p95, p99Ms: o.latencyMs.p99, meanMs: o.latencyMs.mean, errorRate: o.errorRate, throughput: o.throughput };
}

/** A latency no replication could measure (nothing succeeded) fails, as in `judge`. */
function judgeReplicated(spec: SloSpec, each: readonly SloFigures[], mode: VerdictMode): SloOutcome {
  const values = each.map((f) => sloValue(spec, f));
  if (values.some((v) => v === null)) return { text: spec.text, pass: false, value: null, threshold: spec.threshold, headroom: null };
  const xs = values as number[];
  const below = spec.op === '<' || spec.op === '<=';
  const ci = mode === 'bound' && xs.length >= 2 ? meanCI(xs) : null;
  const value = round(ci === null ? mean(xs) : below ? ci.upper! : ci.lower!);
  const headroom = spec.threshold === 0 ? null : round((below ? spec.threshold - value : value - spec.threshold) / spec.threshold);
  return { text: spec.text, pass: compare(value, spec.op, spec.threshold), value, threshold: spec.threshold, headroom };
}

function averaged(each: readonly SloFigures[]): Figures {
  const m = (pick: (f: SloFigures) => number | null): number | null => {
    const xs = each.map(pick);
    return xs.some((x) => x === null) ? null : round(mean(xs as number[]));
  };
  return {
    p50Ms: m((f) => f.p50Ms), p95Ms: m((f) => f.p95Ms), p99Ms: m((f) => f.p99Ms), meanMs: m((f) => f.meanMs),
    errorRate: m((f) => f.errorRate) ?? 0, throughput: m((f) => f.throughput) ?? 0,
  };
}

/** The component with the highest mean utilisation over the replications (first on ties). */
function busiestOf(runs: readonly RunSummary[]): Candidate['busiest'] {
  let best: Candidate['busiest'] = null;
  for (const c of runs[0]!.components) {
    if (c.utilisation === undefined) continue;
    const u = mean(runs.map((r) => r.components.find((x) => x.name === c.name)?.utilisation ?? 0));
    if (best === null || u > best.utilisation) best = { component: c.name, utilisation: round(u) };
  }
  return best;
}

function whyFailed(slo: readonly SloOutcome[], specs: readonly SloSpec[], busiest: Candidate['busiest']): string {
  const missed = slo.map((o, i) => [o, specs[i]!] as const).filter(([o]) => !o.pass)
    .map(([o, spec]) => (o.value === null ? `${spec.metric}: nothing succeeded` : `${spec.metric} ${formatSlo(spec, o.value)} misses ${spec.op} ${formatSlo(spec, spec.threshold)}`));
  const hot = busiest === null ? '' : `; busiest: ${busiest.component} ${(busiest.utilisation * 100).toFixed(0)}%`;
  return `${missed.join(', ')}${hot}`;
}

/** A value in its SLO's unit, as a person writes it. */
export function formatSlo(spec: SloSpec, v: number): string {
  if (spec.metric === 'errors') return `${+(v * 100).toPrecision(3)}%`;
  if (spec.metric === 'throughput') return `${+v.toPrecision(4)}/s`;
  return `${+v.toPrecision(4)} ms`;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);
