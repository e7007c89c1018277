/**
 * Wait queues for resources: FIFO (a ring buffer) and priority (a heap ordered by
 * (priority, arrival order), lower value served first). Both keep parallel arrays of
 * job, arrival time and work so a queued job costs no wrapper object.
 * `shift` returns the job and leaves its arrival time and work in `lastArrivedAt`/`lastWork`.
 */

export interface WaitQueue<J> {
  readonly size: number;
  lastArrivedAt: number;
  lastWork: number;
  push(job: J, arrivedAt: number, work: number, priority: number): void;
  shift(): J | undefined;
}

export class FifoQueue<J> implements WaitQueue<J> {
  private jobs: (J | undefined)[] = new Array(16).fill(undefined);
  private at = new Float64Array(16);
  private work = new Float64Array(16);
  private head = 0;
  private mask = 15;
  size = 0;
  lastArrivedAt = 0;
  lastWork = 0;

  push(job: J, arrivedAt: number, work: number, _priority: number): void {
    if (this.size > this.mask) this.grow();
    const i = (this.head + this.size) & this.mask;
    this.jobs[i] = job;
    this.at[i] = arrivedAt;
    this.work[i] = work;
    this.size++;
  }

  shift(): J | undefined {
    if (this.size === 0) return undefined;
    const i = this.head;
    const job = this.jobs[i];
    this.jobs[i] = undefined;
    this.lastArrivedAt = this.at[i]!;
    this.lastWork = this.work[i]!;
    this.head = (i + 1) & this.mask;
    this.size--;
    return job;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    const jobs: (J | undefined)[] = new Array(cap).fill(undefined);
    const at = new Float64Array(cap);
    const work = new Float64Array(cap);
    for (let k = 0; k < this.size; k++) {
      const i = (this.head + k) & this.mask;
      jobs[k] = this.jobs[i];
      at[k] = this.at[i]!;
      work[k] = this.work[i]!;
    }
    this.jobs = jobs;
    this.at = at;
    this.work = work;
    this.head = 0;
    this.mask = cap - 1;
  }
}

export class PriorityQueue<J> implements WaitQueue<J> {
  private jobs: (J | undefined)[] = [];
  private prio: number[] = [];
  private order: number[] = [];
  private at: number[] = [];
  private work: number[] = [];
  private counter = 0;
  size = 0;
  lastArrivedAt = 0;
  lastWork = 0;

  push(job: J, arrivedAt: number, work: number, priority: number): void {
    let i = this.size++;
    const seq = this.counter++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(priority, seq, p)) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, job, priority, seq, arrivedAt, work);
  }

  /** Priority of the job `shift` would return (Infinity when empty). */
  peekPriority(): number {
    return this.size > 0 ? this.prio[0]! : Infinity;
  }

  shift(): J | undefined {
    if (this.size === 0) return undefined;
    const top = this.jobs[0];
    this.lastArrivedAt = this.at[0]!;
    this.lastWork = this.work[0]!;
    const n = --this.size;
    if (n > 0) {
      const job = this.jobs[n];
      const pr = this.prio[n]!;
      const sq = this.order[n]!;
      const at = this.at[n]!;
      const wk = this.work[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && this.before(this.prio[c + 1]!, this.order[c + 1]!, c)) c++;
        if (!this.before(this.prio[c]!, this.order[c]!, -1, pr, sq)) break;
        this.move(c, i);
        i = c;
      }
      this.set(i, job, pr, sq, at, wk);
    }
    this.jobs[n] = undefined;
    return top;
  }

  /** Is (priority, seq) ahead of slot j (or of the explicit key when j < 0)? */
  private before(priority: number, seq: number, j: number, jp = 0, js = 0): boolean {
    const p2 = j >= 0 ? this.prio[j]! : jp;
    const s2 = j >= 0 ? this.order[j]! : js;
    return priority < p2 || (priority === p2 && seq < s2);
  }

  private move(from: number, to: number): void {
    this.set(to, this.jobs[from], this.prio[from]!, this.order[from]!, this.at[from]!, this.work[from]!);
  }

  private set(i: number, job: J | undefined, p: number, s: number, at: number, wk: number): void {
    this.jobs[i] = job;
    this.prio[i] = p;
    this.order[i] = s;
    this.at[i] = at;
    this.work[i] = wk;
  }
}
