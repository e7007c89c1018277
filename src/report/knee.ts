/**
 * The knee of a latency curve: where a strategy stops absorbing load and queueing takes over.
 * Rule: the first swept load at which p95 exceeds `factor` (2) times its light-load value
 * (the p95 at the lightest load swept) or breaks the p95 SLO. Both are read off the measured
 * points, without interpolation, so the knee is always a load that was actually run.
 */
import type { SloSpec } from '../experiment/results.js';

export interface KneePoint {
  /** Offered load (or any load measure that increases along the sweep). */
  x: number;
  p95: number;
}

export interface KneeOptions {
  /** How many times the light-load p95 counts as "turned up" (default 2, must be > 1). */
  factor?: number;
  /** p95 SLO threshold in ms; a point above it is past the knee even if p95 has not doubled. */
  sloMs?: number | null;
}

export interface Knee extends KneePoint {
  /** Index in the points sorted by x. */
  index: number;
  reason: 'doubled' | 'slo';
}

export function findKnee(points: readonly KneePoint[], options: KneeOptions = {}): Knee | null {
  const factor = options.factor ?? 2;
  if (!Number.isFinite(factor) || factor <= 1) {
    throw new RangeError(`findKnee: factor must be a finite number > 1, got ${factor}`);
  }
  const slo = options.sloMs ?? null;
  const sorted = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.p95))
    .sort((a, b) => a.x - b.x);
  const light = sorted[0];
  if (light === undefined) return null;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (slo !== null && p.p95 > slo) return { ...p, index: i, reason: 'slo' };
    if (i > 0 && p.p95 > factor * light.p95) return { ...p, index: i, reason: 'doubled' };
  }
  return null;
}

/** The p95 SLO threshold in ms when the experiment has an upper-bound one ("p95 < 200ms"). */
export function p95SloMs(slos: readonly SloSpec[]): number | null {
  const s = slos.find((x) => x.metric === 'p95' && (x.op === '<' || x.op === '<='));
  return s && Number.isFinite(s.threshold) ? s.threshold : null;
}
