/**
 * Queue depth over time in bounded memory: fixed windows holding the time-weighted mean and
 * the peak of the depth. When the windows would exceed MAX_WINDOWS, neighbours are merged
 * pairwise and the width doubles, so a day-long run keeps as many points as a short one.
 * Updated on each depth change: it adds no events to the simulation.
 */

/** Even, so merging pairs keeps the open window aligned to the doubled width. */
export const MAX_WINDOWS = 720;

export interface DepthPoint {
  /** Start of the window, simulated seconds. */
  t: number;
  /** Time-weighted mean depth over the window, and its peak. */
  mean: number;
  max: number;
}

export class DepthTimeline {
  private readonly points: DepthPoint[] = [];
  private level = 0;
  private since: number;
  private area = 0;
  private peak = 0;

  constructor(private width: number, private readonly origin: number) {
    if (!(width > 0 && width < Infinity)) throw new RangeError(`DepthTimeline: width must be a finite number of seconds > 0 (got ${width})`);
    this.since = origin;
  }

  /** The window width now (it doubles as the run grows). */
  get window(): number {
    return this.width;
  }

  set(now: number, level: number): void {
    this.advance(now);
    this.level = level;
    if (level > this.peak) this.peak = level;
  }

  /** Closed windows plus the open one up to `now`. */
  snapshot(now: number): DepthPoint[] {
    this.advance(now);
    const start = this.windowStart();
    const open = now > start ? [{ t: start, mean: this.area / (now - start), max: this.peak }] : [];
    return [...this.points.map((p) => ({ ...p })), ...open];
  }

  private windowStart(): number {
    return this.origin + this.points.length * this.width;
  }

  /** Close every window that ended before `now`, accumulating level × time into the open one.
   * A change exactly at a boundary belongs to the window it ends, so a level held for no
   * time never shows as the next window's peak. */
  private advance(now: number): void {
    let end = this.windowStart() + this.width;
    while (now > end) {
      this.area += this.level * (end - this.since);
      this.points.push({ t: end - this.width, mean: this.area / this.width, max: this.peak });
      this.since = end;
      this.area = 0;
      this.peak = this.level;
      if (this.points.length >= MAX_WINDOWS) this.merge();
      end = this.windowStart() + this.width;
    }
    this.area += this.level * (now - this.since);
    this.since = now;
  }

  private merge(): void {
    const merged: DepthPoint[] = [];
    for (let i = 0; i + 1 < this.points.length; i += 2) {
      const a = this.points[i]!;
      const b = this.points[i + 1]!;
      merged.push({ t: a.t, mean: (a.mean + b.mean) / 2, max: Math.max(a.max, b.max) });
    }
    this.points.length = 0;
    this.points.push(...merged);
    this.width *= 2;
  }
}
