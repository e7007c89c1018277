/**
 * The values each knob is searched over. Whole-number knobs run from their minimum to a
 * top a little past what the utilisation bound asks for; cache capacity runs over doublings
 * around the model's value. The top is only a first guess: when even the top configuration
 * fails with a resource still busy, the planner raises the tops that relieve it.
 */
import { lowerBounds } from './bounds.js';
import type { Resource, ValueOf } from './demand.js';
import type { Knob } from './knobs.js';

/** Doublings below the model's cache capacity that are searched. */
const HALVINGS = 4;
/** The first top of a cache capacity: this many times the model's. */
const CACHE_TOP = 8;
/** Whole-number axes are cut here whatever the bound says, to keep the grid finite. */
const MOST = 100_000;

export function axisOf(k: Knob, top: number): number[] {
  if (k.steps === 'doubling') {
    const out = new Set<number>();
    for (let v = k.current / 2 ** HALVINGS; v <= top * (1 + 1e-9); v *= 2) out.add(Math.max(k.min, Math.round(v)));
    return [...out].sort((a, b) => a - b);
  }
  const lo = k.min;
  const hi = Math.max(lo, Math.min(top, k.max, MOST));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

/** The value a pilot run uses: the model's, but with replicas (so their demand is seen)
 * and the largest cache searched (so database demands are not overstated). */
export function pilotValue(k: Knob): number {
  if (k.field === 'replicas.count') return Math.max(1, k.current);
  if (k.steps === 'doubling') return k.current * CACHE_TOP;
  return Math.max(k.min, Math.round(k.current));
}

/**
 * First tops: for each whole-number knob, twice the smallest value its resources allow at
 * throughput `x` (at least that plus three), and at least the model's own value plus two. Two passes, so a
 * pool's bound sees the instance count the app tier's bound asks for.
 */
export function firstTops(
  knobs: readonly Knob[], resources: readonly Resource[], x: number, limit: number,
  at: (values: readonly number[]) => ValueOf,
): number[] {
  let others = knobs.map(pilotValue);
  let tops = others;
  for (let pass = 0; pass < 2; pass++) {
    const axes = knobs.map((k) => axisOf(k, k.steps === 'doubling' ? k.current * CACHE_TOP : MOST));
    // knob i's bound is read with every other knob held at `others` (a one-value axis)
    const bounds = knobs.map((_, i) => lowerBounds(resources, knobs, axes.map((a, j) => (j === i ? a : [others[j]!])), x, limit, at)[i]!);
    const needed = knobs.map((_, i) => axes[i]![Math.min(bounds[i]!.index, axes[i]!.length - 1)]!);
    tops = knobs.map((k, i) => (k.steps === 'doubling' ? k.current * CACHE_TOP
      : Math.min(k.max, Math.max(2 * needed[i]!, Math.round(k.current) + 2, needed[i]! + 3))));
    others = knobs.map((k, i) => Math.max(pilotValue(k), needed[i]!));
  }
  return tops;
}

/** A top raised because the top configuration still failed with this knob's resource busy. */
export function raisedTop(k: Knob, top: number): number {
  return k.steps === 'doubling' ? top * 4 : Math.min(k.max, MOST, Math.max(top + 2, top * 2));
}
