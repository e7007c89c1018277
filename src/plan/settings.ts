/**
 * PlanOptions checked and completed: defaults from the model's run settings, SLO lines
 * parsed by the experiment's SLO parser, and every bad value reported with the option's
 * name, the value and what is allowed.
 */
import { parseSlo } from '../experiment/slo.js';
import type { SloSpec } from '../experiment/results.js';
import type { NormalizedModel } from '../model/normalize.js';
import { PlanInputError } from './errors.js';
import type { PlanOptions, PlanResult, VerdictMode } from './types.js';

export const DEFAULT_SLOS: readonly string[] = ['p95 < 200ms', 'errors < 0.1%'];
export const DEFAULT_MAX_EVALUATIONS = 30;
export const DEFAULT_REPLICATIONS = 3;

export type PlanSettings = PlanResult['settings'];

export function planSettings(model: NormalizedModel, o: PlanOptions): PlanSettings {
  const verdict: VerdictMode = o.verdict ?? 'mean';
  if (verdict !== 'mean' && verdict !== 'bound') throw bad('verdict', verdict, '"mean" or "bound"');
  return {
    duration: positive('duration', o.duration ?? model.run.duration),
    warmup: nonNegative('warmup', o.warmup ?? model.run.warmup),
    replications: whole('replications', o.replications ?? DEFAULT_REPLICATIONS),
    seed: o.seed ?? model.run.seed,
    verdict,
    maxUtilisation: utilisation(o.maxUtilisation ?? 1),
    maxEvaluations: whole('maxEvaluations', o.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS),
  };
}

export function parseSlos(lines: readonly string[]): SloSpec[] {
  if (lines.length === 0) throw bad('slo', '(none)', 'at least one SLO, e.g. "p95 < 200ms"');
  return lines.map((line) => {
    const r = parseSlo(line);
    if (r.ok) return r.value;
    const p = r.problem;
    const detail = p.detail ? `${p.detail}: ` : '';
    throw new PlanInputError(`--slo: ${detail}expected ${p.expected}, got "${line}"${p.hint ? `\n  hint: ${p.hint}` : ''}`);
  });
}

function bad(name: string, value: unknown, allowed: string): PlanInputError {
  return new PlanInputError(`${name}: expected ${allowed}, got ${typeof value === 'string' ? `"${value}"` : String(value)}`);
}

function positive(name: string, v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) throw bad(name, v, 'a finite number of seconds > 0');
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!(v >= 0) || !Number.isFinite(v)) throw bad(name, v, 'a finite number of seconds >= 0');
  return v;
}

function whole(name: string, v: number): number {
  if (!Number.isInteger(v) || v < 1) throw bad(name, v, 'a whole number >= 1');
  return v;
}

function utilisation(v: number): number {
  if (!(v > 0 && v <= 1)) throw bad('maxUtilisation', v, 'a fraction in (0, 1], e.g. 0.85');
  return v;
}
