/**
 * The future-event list: every pending event, totally ordered by (time, seq).
 *
 * Two structures hold events, and `pop` takes the smaller head of the two:
 * - a FIFO lane for events scheduled in non-decreasing time order (constant-delay hops,
 *   arrival streams), appended in O(1) — SimCore's `ordered_events` idea, applied
 *   automatically so callers need not choose;
 * - a binary min-heap for everything else.
 * Both are struct-of-arrays (typed arrays for keys, plain arrays for handler and payload)
 * so scheduling allocates nothing once the arrays have grown to the model's size.
 * `seq` is unique and monotone, so ties in time never depend on heap internals.
 */
import type { Handler } from './types.js';

const INITIAL = 64;

export class EventQueue {
  // --- heap (struct of arrays); sifting moves a "hole" instead of swapping, for fewer writes
  private hTime = new Float64Array(INITIAL);
  private hSeq = new Float64Array(INITIAL);
  private hFn: Handler[] = new Array(INITIAL);
  private hArg: unknown[] = new Array(INITIAL);
  private hSize = 0;

  // --- FIFO lane: a ring buffer, sorted by construction
  private lTime = new Float64Array(INITIAL);
  private lSeq = new Float64Array(INITIAL);
  private lFn: Handler[] = new Array(INITIAL);
  private lArg: unknown[] = new Array(INITIAL);
  private lHead = 0;
  private lSize = 0;
  private lMask = INITIAL - 1;
  private lLastTime = -Infinity;

  /** Fields of the event last returned by `pop` (read them before the next pop). */
  time = 0;
  seq = 0;
  fn: Handler | undefined = undefined;
  arg: unknown = undefined;

  get size(): number {
    return this.hSize + this.lSize;
  }

  push(time: number, seq: number, fn: Handler, arg: unknown): void {
    if (time >= this.lLastTime) this.laneAppend(time, seq, fn, arg);
    else this.heapPush(time, seq, fn, arg);
  }

  /** Time of the next event, or Infinity when empty. */
  peekTime(): number {
    const ht = this.hSize > 0 ? this.hTime[0]! : Infinity;
    const lt = this.lSize > 0 ? this.lTime[this.lHead]! : Infinity;
    return ht < lt ? ht : lt;
  }

  /** Remove the earliest event into `time/seq/fn/arg`; false when empty. */
  pop(): boolean {
    const hs = this.hSize;
    const ls = this.lSize;
    if (ls > 0) {
      const h = this.lHead;
      if (hs === 0 || this.lTime[h]! < this.hTime[0]! || (this.lTime[h] === this.hTime[0] && this.lSeq[h]! < this.hSeq[0]!)) {
        this.time = this.lTime[h]!;
        this.seq = this.lSeq[h]!;
        this.fn = this.lFn[h];
        this.arg = this.lArg[h];
        // release references so payloads can be collected
        this.lFn[h] = undefined as unknown as Handler;
        this.lArg[h] = undefined;
        this.lHead = (h + 1) & this.lMask;
        this.lSize = ls - 1;
        if (this.lSize === 0) this.lLastTime = -Infinity;
        return true;
      }
    } else if (hs === 0) {
      return false;
    }
    this.time = this.hTime[0]!;
    this.seq = this.hSeq[0]!;
    this.fn = this.hFn[0];
    this.arg = this.hArg[0];
    this.heapRemoveTop();
    return true;
  }

  /** Visit the seq of every pending event (used to purge stale cancellations). */
  forEachSeq(visit: (seq: number) => void): void {
    for (let i = 0; i < this.hSize; i++) visit(this.hSeq[i]!);
    for (let i = 0; i < this.lSize; i++) visit(this.lSeq[(this.lHead + i) & this.lMask]!);
  }

  clear(): void {
    this.hSize = 0;
    this.lSize = 0;
    this.lHead = 0;
    this.lLastTime = -Infinity;
    this.hFn.fill(undefined as unknown as Handler);
    this.hArg.fill(undefined);
    this.lFn.fill(undefined as unknown as Handler);
    this.lArg.fill(undefined);
  }

  private laneAppend(time: number, seq: number, fn: Handler, arg: unknown): void {
    if (this.lSize === this.lMask + 1) this.laneGrow();
    const i = (this.lHead + this.lSize) & this.lMask;
    this.lTime[i] = time;
    this.lSeq[i] = seq;
    this.lFn[i] = fn;
    this.lArg[i] = arg;
    this.lSize++;
    this.lLastTime = time;
  }

  private laneGrow(): void {
    const cap = (this.lMask + 1) * 2;
    const t = new Float64Array(cap);
    const s = new Float64Array(cap);
    const f: Handler[] = new Array(cap);
    const a: unknown[] = new Array(cap);
    for (let k = 0; k < this.lSize; k++) {
      const i = (this.lHead + k) & this.lMask;
      t[k] = this.lTime[i]!;
      s[k] = this.lSeq[i]!;
      f[k] = this.lFn[i]!;
      a[k] = this.lArg[i];
    }
    this.lTime = t;
    this.lSeq = s;
    this.lFn = f;
    this.lArg = a;
    this.lHead = 0;
    this.lMask = cap - 1;
  }

  private heapPush(time: number, seq: number, fn: Handler, arg: unknown): void {
    if (this.hSize === this.hTime.length) this.heapGrow();
    const hT = this.hTime;
    const hS = this.hSeq;
    let i = this.hSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hT[p]!;
      if (pt < time || (pt === time && hS[p]! < seq)) break;
      hT[i] = pt;
      hS[i] = hS[p]!;
      this.hFn[i] = this.hFn[p]!;
      this.hArg[i] = this.hArg[p];
      i = p;
    }
    hT[i] = time;
    hS[i] = seq;
    this.hFn[i] = fn;
    this.hArg[i] = arg;
  }

  private heapRemoveTop(): void {
    const n = --this.hSize;
    const hT = this.hTime;
    const hS = this.hSeq;
    if (n === 0) {
      this.hFn[0] = undefined as unknown as Handler;
      this.hArg[0] = undefined;
      return;
    }
    // move the last element down from the root
    const time = hT[n]!;
    const seq = hS[n]!;
    const fn = this.hFn[n]!;
    const arg = this.hArg[n];
    this.hFn[n] = undefined as unknown as Handler;
    this.hArg[n] = undefined;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (hT[r]! < hT[c]! || (hT[r] === hT[c] && hS[r]! < hS[c]!))) c = r;
      const ct = hT[c]!;
      if (time < ct || (time === ct && seq < hS[c]!)) break;
      hT[i] = ct;
      hS[i] = hS[c]!;
      this.hFn[i] = this.hFn[c]!;
      this.hArg[i] = this.hArg[c];
      i = c;
    }
    hT[i] = time;
    hS[i] = seq;
    this.hFn[i] = fn;
    this.hArg[i] = arg;
  }

  private heapGrow(): void {
    const cap = this.hTime.length * 2;
    const t = new Float64Array(cap);
    t.set(this.hTime);
    const s = new Float64Array(cap);
    s.set(this.hSeq);
    this.hTime = t;
    this.hSeq = s;
    this.hFn.length = cap;
    this.hArg.length = cap;
  }
}
