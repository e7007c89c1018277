/**
 * A multi-server queueing station: c identical servers, a FIFO or priority wait queue and
 * an optional capacity K (jobs in the system, waiting + in service) beyond which arrivals
 * are dropped — M/M/c, M/M/c/K and M/G/c in one primitive. Think of a bank with c tellers
 * and a lobby that holds K people.
 * The caller supplies each job's service time (drawn from its own stream), so the station
 * itself draws nothing. A completion event carries only the server index: no allocation.
 */
import type { SimContext } from '../types.js';
import { TimeWeighted } from '../stats/time-weighted.js';
import { FifoQueue, PriorityQueue, type WaitQueue } from './wait-queue.js';

export interface StationOptions {
  /** Number of servers c (integer >= 1). */
  servers: number;
  /** Maximum jobs in the system, waiting plus in service (>= servers); Infinity for none. */
  capacity?: number;
  /** Queue discipline; with 'priority', lower priority values are served first. */
  discipline?: 'fifo' | 'priority';
}

/** Called when a job leaves: its wait in queue and its total time in the station. */
export type DoneHandler<J> = (job: J, wait: number, sojourn: number) => void;

export class Station<J> {
  readonly servers: number;
  readonly capacity: number;
  private readonly queue: WaitQueue<J>;
  private readonly jobOf: (J | undefined)[];
  private readonly arrivedAt: Float64Array;
  private readonly waitOf: Float64Array;
  private readonly freeServers: Int32Array;
  private freeCount: number;

  // statistics since the last reset (warm-up deletion resets them)
  arrivals = 0;
  /** Jobs that began service (the denominator of mean wait and P(wait > 0)). */
  started = 0;
  completions = 0;
  drops = 0;
  waited = 0;
  waitSum = 0;
  sojournSum = 0;
  readonly queueLength = new TimeWeighted();
  readonly busy = new TimeWeighted();

  constructor(
    private readonly ctx: SimContext,
    options: StationOptions,
    private readonly onDone: DoneHandler<J>,
    private readonly onDrop?: (job: J) => void,
  ) {
    const c = options.servers;
    if (!Number.isInteger(c) || c < 1) throw new RangeError(`station ${ctx.name}: servers must be an integer >= 1 (got ${c})`);
    const k = options.capacity ?? Infinity;
    if (!(k >= c)) throw new RangeError(`station ${ctx.name}: capacity must be >= servers (${c}) (got ${k})`);
    this.servers = c;
    this.capacity = k;
    this.queue = options.discipline === 'priority' ? new PriorityQueue<J>() : new FifoQueue<J>();
    this.jobOf = new Array(c).fill(undefined);
    this.arrivedAt = new Float64Array(c);
    this.waitOf = new Float64Array(c);
    this.freeServers = new Int32Array(c);
    // lowest index on top of the stack, so server 0 is used first (deterministic, readable traces)
    for (let i = 0; i < c; i++) this.freeServers[i] = c - 1 - i;
    this.freeCount = c;
  }

  /** Jobs waiting plus in service. */
  get inSystem(): number {
    return this.servers - this.freeCount + this.queue.size;
  }

  get waiting(): number {
    return this.queue.size;
  }

  /** Offer a job needing `work` seconds of service; false if it was dropped (station full). */
  arrive(job: J, work: number, priority = 0): boolean {
    const now = this.ctx.now;
    this.arrivals++;
    if (this.inSystem >= this.capacity) {
      this.drops++;
      if (this.onDrop) this.onDrop(job);
      return false;
    }
    if (this.freeCount > 0) {
      this.start(this.freeServers[--this.freeCount]!, job, now, now, work);
    } else {
      this.queue.push(job, now, work, priority);
      this.queueLength.set(now, this.queue.size);
    }
    return true;
  }

  /** Forget statistics gathered so far (warm-up deletion); jobs in flight are kept. */
  resetStats(now: number): void {
    this.arrivals = this.started = this.completions = this.drops = this.waited = 0;
    this.waitSum = this.sojournSum = 0;
    this.queueLength.reset(now);
    this.busy.reset(now);
  }

  private start(server: number, job: J, now: number, arrivedAt: number, work: number): void {
    this.jobOf[server] = job;
    this.arrivedAt[server] = arrivedAt;
    const wait = now - arrivedAt;
    this.waitOf[server] = wait;
    this.started++;
    if (wait > 0) this.waited++;
    this.waitSum += wait;
    this.busy.set(now, this.servers - this.freeCount);
    this.ctx.schedule(work, this.finish, server);
  }

  // bound once: the completion handler receives the server index as its payload
  private readonly finish = (server: number): void => {
    const now = this.ctx.now;
    const job = this.jobOf[server] as J;
    const sojourn = now - this.arrivedAt[server]!;
    const wait = this.waitOf[server]!;
    this.jobOf[server] = undefined;
    this.completions++;
    this.sojournSum += sojourn;
    if (this.queue.size > 0) {
      // the server goes straight to the next job: the busy count is unchanged
      const next = this.queue.shift() as J;
      this.queueLength.set(now, this.queue.size);
      this.start(server, next, now, this.queue.lastArrivedAt, this.queue.lastWork);
    } else {
      this.freeServers[this.freeCount++] = server;
      this.busy.set(now, this.servers - this.freeCount);
    }
    this.onDone(job, wait, sojourn);
  };
}
