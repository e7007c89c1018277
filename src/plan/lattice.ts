/**
 * The grid of configurations visited cheapest first without listing it: a best-first walk
 * from the lower corner, where each step adds one notch to one knob. Cost never falls when
 * a knob rises, so configurations come out in order of (cost, notches above the corner,
 * position), which also orders the free knobs (pool size, cache capacity): least first.
 */

/** A configuration as one index per knob into that knob's values. */
export type Point = readonly number[];

export class Lattice {
  private readonly heap: { point: Point; cost: number; notches: number }[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly sizes: readonly number[], start: Point, private readonly costOf: (p: Point) => number) {
    if (start.every((s, i) => s < sizes[i]!)) this.push(start);
  }

  /** The next cheapest configuration not yet returned, or null when the grid is exhausted. */
  next(): Point | null {
    const top = this.heap[0];
    if (top === undefined) return null;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    top.point.forEach((x, i) => {
      if (x + 1 < this.sizes[i]!) this.push(top.point.map((y, j) => (j === i ? y + 1 : y)));
    });
    return top.point;
  }

  private push(point: Point): void {
    const key = point.join(',');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.heap.push({ point, cost: this.costOf(point), notches: point.reduce((a, b) => a + b, 0) });
    this.up(this.heap.length - 1);
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    if (x.cost !== y.cost) return x.cost < y.cost;
    if (x.notches !== y.notches) return x.notches < y.notches;
    for (let i = 0; i < x.point.length; i++) if (x.point[i] !== y.point[i]) return x.point[i]! < y.point[i]!;
    return false;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = t;
  }
}

/** a ≥ b in every knob: a has at least b's capacity everywhere. */
export function covers(a: Point, b: Point): boolean {
  return a.every((x, i) => x >= b[i]!);
}

/** The number of configurations in a grid. */
export function gridSize(sizes: readonly number[]): number {
  return sizes.reduce((a, b) => a * b, 1);
}
