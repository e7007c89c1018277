/**
 * Service-level objectives as a team writes them — "p95 < 200ms", "errors < 0.1%",
 * "throughput >= 500/s" — parsed into SloSpec (thresholds in the metric's own unit: ms for
 * latencies, a fraction for errors, req/s for throughput), and judged against a result.
 */
import { z } from 'zod';
import { reject } from '../model/schema/issue.js';
import { didYouMean } from '../model/suggest.js';
import { parseDuration, parseFraction, parseRate, type Parsed, type UnitProblem } from '../model/units.js';
import type { SloSpec, SloVerdict } from './results.js';

export type SloMetric = SloSpec['metric'];
type Op = SloSpec['op'];

const METRICS: readonly SloMetric[] = ['p50', 'p95', 'p99', 'mean', 'errors', 'throughput'];
/** Other spellings people use for the same metric. */
const ALIASES: Readonly<Record<string, SloMetric>> = { error_rate: 'errors', error: 'errors', latency: 'mean' };
const SHAPE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|<|>)\s*(\S(?:.*\S)?)\s*$/;

export const SLO_EXPECTED = 'an SLO such as "p95 < 200ms", "errors < 0.1%" or "throughput >= 500/s"';

export type SloParse = { ok: true; value: SloSpec } | { ok: false; problem: UnitProblem };

/** Parses one SLO line; a problem says what was expected and how to fix it. */
export function parseSlo(text: unknown): SloParse {
  if (typeof text !== 'string') return fail('SIM_E_INVALID_TYPE', SLO_EXPECTED);
  const m = SHAPE.exec(text);
  if (m === null) {
    return fail('SIM_E_INVALID_VALUE', SLO_EXPECTED, 'write a metric, a comparison (<, <=, >, >=) and a threshold');
  }
  const [, word, op, limit] = m as unknown as [string, string, Op, string];
  const metric = (METRICS as readonly string[]).includes(word) ? (word as SloMetric) : ALIASES[word];
  if (metric === undefined) {
    const hint = didYouMean(word, [...METRICS]) ?? `the metrics are ${METRICS.join(', ')}`;
    return fail('SIM_E_INVALID_VALUE', `a metric among: ${METRICS.join(', ')}`, hint, `unknown SLO metric \`${word}\``);
  }
  const threshold = parseThreshold(metric, limit);
  if (!threshold.ok) {
    const p = threshold.problem;
    return fail(p.code, `${p.expected} after \`${metric} ${op}\``, p.hint, `bad threshold in "${text.trim()}"`);
  }
  return { ok: true, value: { text: text.trim(), metric, op, threshold: threshold.value } };
}

function parseThreshold(metric: SloMetric, text: string): Parsed {
  // Inside SLO text every threshold is a string; a bare fraction (0.001) is still a number.
  if (metric === 'errors') return parseFraction(/^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : text);
  if (metric === 'throughput') return parseRate(text);
  const d = parseDuration(text);
  return d.ok ? { ok: true, value: d.value * 1000 } : d;
}

function fail(code: UnitProblem['code'], expected: string, hint?: string, detail?: string): SloParse {
  return { ok: false, problem: { code, expected, ...(hint !== undefined && { hint }), ...(detail !== undefined && { detail }) } };
}

/** zod schema for one SLO line: the text in, a SloSpec out, mistakes as catalogue errors. */
export function sloSchema(): z.ZodType<SloSpec, unknown> {
  return z.unknown().transform((value, ctx): SloSpec => {
    const r = parseSlo(value);
    if (r.ok) return r.value;
    reject(ctx, value, r.problem);
    return z.NEVER;
  }).meta({
    description: 'A service-level objective: metric (p50, p95, p99, mean, errors, throughput), comparison and threshold, e.g. "p95 < 200ms".',
    type: 'string',
    examples: ['p95 < 200ms', 'errors < 0.1%', 'throughput >= 500/s'],
  });
}

/** The figures an SLO can be judged on; latencies null when nothing succeeded. */
export interface SloFigures {
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  meanMs: number | null;
  errorRate: number;
  throughput: number;
}

export function sloValue(slo: SloSpec, f: SloFigures): number | null {
  switch (slo.metric) {
    case 'p50': return f.p50Ms;
    case 'p95': return f.p95Ms;
    case 'p99': return f.p99Ms;
    case 'mean': return f.meanMs;
    case 'errors': return f.errorRate;
    case 'throughput': return f.throughput;
  }
}

/** A latency SLO with no successful response to measure fails: nothing was served in time. */
export function judge(slo: SloSpec, f: SloFigures): SloVerdict {
  const value = sloValue(slo, f);
  if (value === null) return { text: slo.text, pass: false, value: 0 };
  return { text: slo.text, pass: compare(value, slo.op, slo.threshold), value };
}

export function compare(value: number, op: Op, threshold: number): boolean {
  switch (op) {
    case '<': return value < threshold;
    case '<=': return value <= threshold;
    case '>': return value > threshold;
    case '>=': return value >= threshold;
  }
}
