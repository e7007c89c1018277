/**
 * Walker's alias table (Vose's construction): pick one of m outcomes with given weights in
 * O(1) from a single uniform. Used by histogram-based empirical distributions and mixtures.
 */
import type { RandomStream } from '../types.js';

export class AliasTable {
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;
  readonly size: number;

  /** `weights` must be finite, >= 0, with a positive sum (callers validate). */
  constructor(weights: readonly number[]) {
    const m = weights.length;
    let total = 0;
    for (const w of weights) total += w;
    this.size = m;
    this.prob = new Float64Array(m);
    this.alias = new Int32Array(m);
    const scaled = weights.map((w) => (w * m) / total);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = m - 1; i >= 0; i--) (scaled[i]! < 1 ? small : large).push(i);
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.prob[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    // Whatever is left has probability 1 up to rounding error.
    for (const i of large) this.prob[i] = 1;
    for (const i of small) this.prob[i] = 1;
  }

  /** An index in [0, size): the integer part of u·m picks a column, the fraction the coin. */
  pick(rng: RandomStream): number {
    const x = rng.next() * this.size;
    const i = Math.min(Math.floor(x), this.size - 1);
    return x - i < this.prob[i]! ? i : this.alias[i]!;
  }
}
