/**
 * Bounds from the utilisation law: a configuration whose predicted utilisation reaches the
 * limit on any resource cannot meet its SLOs for long (its queue grows without end when the
 * limit is 1), so it is ruled out without simulating. Per knob, the smallest value that
 * passes with every other knob at its top is where the search starts: no smaller value can
 * pass with any setting of the others, since more capacity never raises a utilisation.
 */
import { predicted, type Resource, type ValueOf } from './demand.js';
import type { Knob } from './knobs.js';

export interface Bound {
  /** Index into the knob's values of the smallest value allowed (values.length: none is). */
  readonly index: number;
  /** The resource that set it, in words, or null when the lowest value already passes. */
  readonly reason: string | null;
}

/** True when no knob-driven resource reaches `limit` in the configuration `v`. */
export function withinBounds(resources: readonly Resource[], x: number, limit: number, v: ValueOf): boolean {
  return resources.every((r) => r.knobs.length === 0 || predicted(r, x, v) < limit);
}

export function lowerBounds(
  resources: readonly Resource[], knobs: readonly Knob[], axes: readonly (readonly number[])[],
  x: number, limit: number, at: (values: readonly number[]) => ValueOf,
): Bound[] {
  const top = axes.map((a) => a.at(-1)!);
  return knobs.map((k, i) => {
    const mine = resources.filter((r) => r.knobs.includes(k.id));
    const axis = axes[i]!;
    let reason: string | null = null;
    for (let j = 0; j < axis.length; j++) {
      const v = at(top.map((t, m) => (m === i ? axis[j]! : t)));
      const over = mine.find((r) => predicted(r, x, v) >= limit);
      if (over === undefined) return { index: j, reason };
      reason = `${over.name}: ${fmt(x * over.load(v))} busy at ${fmt(x)} req/s, ${fmt(over.capacity(v))} available at ${k.id} = ${axis[j]}`;
    }
    return { index: axis.length, reason };
  });
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** Resources no searched knob can relieve that the load already drives to the limit. */
export function unreachable(resources: readonly Resource[], x: number, limit: number, v: ValueOf): string[] {
  return resources.filter((r) => r.knobs.length === 0 && predicted(r, x, v) >= limit)
    .map((r) => `${r.name} would be ${(predicted(r, x, v) * 100).toFixed(0)}% busy at ${fmt(x)} req/s and no searched knob changes it`);
}
