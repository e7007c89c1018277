/**
 * A client's time series in fixed windows of simulated time (window k covers
 * [k·width, (k+1)·width)): calls offered (first attempts), attempts sent, and goodput —
 * calls that ended successfully, counted in the window they ended in. Memory grows with the
 * run's length in windows, not with its requests; the series is kept through warm-up.
 */

export class WindowSeries {
  readonly offered: number[] = [];
  readonly attempts: number[] = [];
  readonly goodput: number[] = [];

  constructor(readonly width: number) {
    if (!(width > 0 && width < Infinity)) throw new RangeError(`series: window must be a finite duration > 0 (got ${width})`);
  }

  call(now: number): void {
    this.offered[this.slot(now)]!++;
  }

  attempt(now: number): void {
    this.attempts[this.slot(now)]!++;
  }

  success(now: number): void {
    this.goodput[this.slot(now)]!++;
  }

  /** Windows wholly before `now`. */
  complete(now: number): number {
    return Math.floor(now / this.width + 1e-9);
  }

  private slot(now: number): number {
    const k = Math.floor(now / this.width);
    while (this.offered.length <= k) {
      this.offered.push(0);
      this.attempts.push(0);
      this.goodput.push(0);
    }
    return k;
  }
}
