/**
 * A rate made of linear pieces: λ(t) = rate + slope·(t − start) on [start, next start).
 * Constant, ramp, spike and steps profiles all compile to this, so Λ(t) and its inverse
 * are exact (a quadratic per piece) and each piece bounds its own rate for thinning.
 */
import type { RateFunction } from './rate-function.js';

export interface LinearPiece {
  readonly start: number;
  /** λ at `start`. */
  readonly rate: number;
  /** dλ/dt within the piece; the last piece, which runs forever, must have slope 0. */
  readonly slope: number;
}

export class PiecewiseLinear implements RateFunction {
  readonly peak: number;
  private readonly starts: Float64Array;
  private readonly rates: Float64Array;
  private readonly slopes: Float64Array;
  /** Λ at each piece's start. */
  private readonly before: Float64Array;
  /** Per piece, the larger of the rates at its two ends (a linear rate peaks at an end). */
  private readonly maxima: Float64Array;

  constructor(readonly kind: string, pieces: readonly LinearPiece[]) {
    checkPieces(kind, pieces);
    const n = pieces.length;
    this.starts = Float64Array.from(pieces, (p) => p.start);
    this.rates = Float64Array.from(pieces, (p) => p.rate);
    this.slopes = Float64Array.from(pieces, (p) => p.slope);
    this.before = new Float64Array(n);
    this.maxima = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = pieces[i]!;
      const len = i + 1 < n ? pieces[i + 1]!.start - p.start : 0;
      this.maxima[i] = Math.max(p.rate, p.rate + p.slope * len);
      if (i + 1 < n) this.before[i + 1] = this.before[i]! + p.rate * len + (p.slope * len * len) / 2;
    }
    this.peak = Math.max(...this.maxima);
  }

  rate(t: number): number {
    const i = this.pieceAt(t);
    // a falling ramp can round to -1e-13 at its end
    return Math.max(0, this.rates[i]! + this.slopes[i]! * (t - this.starts[i]!));
  }

  cumulative(t: number): number {
    if (t <= 0) return 0;
    const i = this.pieceAt(t);
    const tau = t - this.starts[i]!;
    return this.before[i]! + this.rates[i]! * tau + (this.slopes[i]! * tau * tau) / 2;
  }

  inverse(y: number): number {
    if (y < 0) y = 0;
    // The last piece whose start Λ is <= y: Λ grows inside it past y, unless it is the last
    // piece and its rate is 0 (earlier empty pieces are skipped because we take the last).
    const before = this.before;
    let lo = 0, hi = before.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (before[mid]! <= y) lo = mid; else hi = mid - 1;
    }
    const r = this.rates[lo]!, s = this.slopes[lo]!;
    const last = lo === before.length - 1;
    if (last && r === 0) return Infinity;
    const dy = y - before[lo]!;
    if (dy === 0) return this.starts[lo]!;
    // r·τ + s·τ²/2 = dy, solved in the form that stays exact for s → 0 and s < 0
    const tau = (2 * dy) / (r + Math.sqrt(Math.max(0, r * r + 2 * s * dy)));
    const end = last ? Infinity : this.starts[lo + 1]!;
    return Math.min(this.starts[lo]! + tau, end);
  }

  bound(t: number): number {
    return this.maxima[this.pieceAt(t)]!;
  }

  boundEnd(t: number): number {
    const i = this.pieceAt(t);
    return i + 1 < this.starts.length ? this.starts[i + 1]! : Infinity;
  }

  /** The last piece starting at or before t (binary search: profiles have few pieces). */
  private pieceAt(t: number): number {
    const starts = this.starts;
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
}

function checkPieces(kind: string, pieces: readonly LinearPiece[]): void {
  if (pieces.length === 0) throw new Error(`${kind}: a piecewise rate needs at least one piece`);
  if (pieces[0]!.start !== 0) throw new Error(`${kind}: the first piece must start at 0 (got ${pieces[0]!.start})`);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const next = pieces[i + 1];
    if (next !== undefined && !(next.start > p.start)) throw new Error(`${kind}: piece starts must increase (${p.start}, ${next.start})`);
    const len = next === undefined ? 0 : next.start - p.start;
    const endRate = p.rate + p.slope * len;
    if (!Number.isFinite(p.rate) || p.rate < 0 || !Number.isFinite(p.slope) || endRate < -1e-9 * Math.max(1, p.rate)) {
      throw new Error(`${kind}: piece ${i} has a negative or non-finite rate (${p.rate} + ${p.slope}·t)`);
    }
    if (next === undefined && p.slope !== 0) throw new Error(`${kind}: the last piece must be constant`);
  }
}
