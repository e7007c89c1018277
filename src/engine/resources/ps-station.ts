/**
 * A processor-sharing station: c cores shared equally by every job present, each job
 * progressing at rate min(1, c/n). It models CPUs shared by in-flight requests (an event
 * loop with several requests mid-computation, a database's cores under concurrent queries).
 * It tracks "virtual time" V — the service a job present throughout has received — so each
 * job finishes when V reaches its arrival V plus its work: one heap, O(log n) per event.
 */
import type { EventId, SimContext } from '../types.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import { PriorityQueue } from './wait-queue.js';
import type { DoneHandler } from './station.js';

export interface PsStationOptions {
  /** Cores c (> 0; fractional cores allowed, e.g. a 0.5 vCPU share). */
  cores: number;
  /** Maximum jobs present at once; Infinity for none. */
  capacity?: number;
}

export class PsStation<J> {
  readonly cores: number;
  readonly capacity: number;
  private readonly jobs = new PriorityQueue<J>();
  private virtual = 0;
  private lastUpdate = 0;
  private pendingEvent: EventId = -1;

  arrivals = 0;
  completions = 0;
  drops = 0;
  sojournSum = 0;
  /** Work completed (core-seconds) since the last reset. */
  workDone = 0;
  readonly inSystemGauge = new TimeWeighted();
  /** Busy cores, min(n, c): its mean over c is the utilisation. */
  readonly busy = new TimeWeighted();

  constructor(
    private readonly ctx: SimContext,
    options: PsStationOptions,
    private readonly onDone: DoneHandler<J>,
    private readonly onDrop?: (job: J) => void,
  ) {
    if (!(options.cores > 0) || !Number.isFinite(options.cores)) {
      throw new RangeError(`ps-station ${ctx.name}: cores must be a finite number > 0 (got ${options.cores})`);
    }
    this.cores = options.cores;
    this.capacity = options.capacity ?? Infinity;
  }

  get inSystem(): number {
    return this.jobs.size;
  }

  arrive(job: J, work: number): boolean {
    const now = this.ctx.now;
    this.arrivals++;
    if (this.jobs.size >= this.capacity) {
      this.drops++;
      if (this.onDrop) this.onDrop(job);
      return false;
    }
    this.advance(now);
    this.jobs.push(job, now, work, this.virtual + work);
    this.changed(now);
    return true;
  }

  resetStats(now: number): void {
    this.arrivals = this.completions = this.drops = 0;
    this.sojournSum = this.workDone = 0;
    this.inSystemGauge.reset(now);
    this.busy.reset(now);
  }

  private rate(): number {
    const n = this.jobs.size;
    return n <= this.cores ? 1 : this.cores / n;
  }

  private advance(now: number): void {
    if (this.jobs.size > 0) {
      const dv = (now - this.lastUpdate) * this.rate();
      this.virtual += dv;
      this.workDone += dv * this.jobs.size;
    }
    this.lastUpdate = now;
  }

  /** After n changed: record gauges and move the single pending completion event. */
  private changed(now: number): void {
    const n = this.jobs.size;
    this.inSystemGauge.set(now, n);
    this.busy.set(now, n < this.cores ? n : this.cores);
    if (this.pendingEvent >= 0) this.ctx.cancel(this.pendingEvent);
    this.pendingEvent = -1;
    if (n > 0) {
      const dv = this.jobs.peekPriority() - this.virtual;
      this.pendingEvent = this.ctx.schedule(dv > 0 ? dv / this.rate() : 0, this.complete, null);
    }
  }

  private readonly complete = (): void => {
    const now = this.ctx.now;
    this.pendingEvent = -1;
    this.advance(now);
    // rounding may leave V a hair short of the finish tag: the event is for the top job
    const finishV = this.jobs.peekPriority();
    if (finishV > this.virtual) this.virtual = finishV;
    const job = this.jobs.shift() as J;
    const sojourn = now - this.jobs.lastArrivedAt;
    this.completions++;
    this.sojournSum += sojourn;
    this.changed(now);
    this.onDone(job, 0, sojourn);
  };
}
