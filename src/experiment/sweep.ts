/**
 * Sweep axes and their points: an axis lists its values or spans a range `{ from, to, step }`;
 * the points are the product of the axes' values, first axis outermost, last fastest — the
 * order rows appear in results.json and results.csv.
 */
import { formatNumber } from '../model/format.js';

export type Point = Record<string, number>;

export interface Range {
  from: number;
  to: number;
  step: number;
}

/** Most values one range may expand to: a typo such as `step: 1` over 1..2000 is caught. */
export const MAX_RANGE_VALUES = 1000;

/** Number of values `from, from+step, … ≤ to` (a tolerance keeps 0.1-steps from losing the end). */
export function rangeCount(r: Range): number {
  if (!(r.step > 0) || r.to < r.from) return 0;
  return Math.floor((r.to - r.from) / r.step + 1e-9) + 1;
}

/** Every value of a range, without binary-float noise (0.1 + 0.2 is 0.3 here). */
export function expandRange(r: Range): number[] {
  const n = rangeCount(r);
  return Array.from({ length: n }, (_, i) => Number(formatNumber(r.from + i * r.step)));
}

export function axisValues(values: readonly number[] | Range): number[] {
  return Array.isArray(values) ? [...values] : expandRange(values as Range);
}

/** The product of the axes, in order; no axes gives the single empty point. */
export function sweepPoints(axes: readonly { name: string; values: readonly number[] }[]): Point[] {
  let points: Point[] = [{}];
  for (const axis of axes) {
    points = points.flatMap((p) => axis.values.map((v) => ({ ...p, [axis.name]: v })));
  }
  return points;
}

/** A stable text key for a point (its axes in the given order): `users=500,rate=20`. */
export function pointKey(point: Point, axisNames: readonly string[]): string {
  return axisNames.map((a) => `${a}=${formatNumber(point[a] ?? 0)}`).join(',');
}

/** How a point reads in a sentence: "2000 users", "rate 120/s", or "users=2000, cores=4". */
export function describePoint(point: Point, axes: readonly { name: string; unit?: string | null }[]): string {
  if (axes.length === 0) return 'the configured load';
  const value = (a: { name: string; unit?: string | null }) => `${formatNumber(point[a.name] ?? 0)}${a.unit ?? ''}`;
  if (axes.length === 1) {
    const a = axes[0]!;
    // A plural axis name reads as a count ("2000 users"); anything else as a setting ("rate 120/s").
    return a.name.endsWith('s') ? `${value(a)} ${a.name}` : `${a.name} ${value(a)}`;
  }
  return axes.map((a) => `${a.name}=${value(a)}`).join(', ');
}
