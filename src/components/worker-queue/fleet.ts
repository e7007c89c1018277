/**
 * The worker instances of a worker_queue and their life cycle: the initial instances, scale
 * out (a new instance takes tasks after its start-up delay) and in (the newest drain: they
 * take no new task and leave when idle), crashes and restarts. It keeps the gauges cost and
 * capacity are computed from: instances billed, instances serving, CPU core-seconds used.
 */
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { SimContext } from '../../engine/types.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { ConnectionSource } from '../contracts.js';
import type { QueueSettings } from './settings.js';
import type { Task } from './task.js';
import { Worker, type WorkerState } from './worker.js';

export interface FleetParts {
  readonly name: string;
  readonly ctx: SimContext;
  readonly flow: FlowRunner;
  readonly settings: QueueSettings;
  /** Each instance's own context (`<queue>/<k>`), so adding instance 3 changes nothing for 1. */
  contextFor(index: number): SimContext;
  /** A new instance's database connections (null without a pool). */
  poolFor(name: string): ConnectionSource | null;
  /** An instance became able to take tasks. */
  onUp(): void;
}

export class Fleet {
  /** Every instance not retired, in creation (and index) order. */
  readonly live: Worker[] = [];
  /** Instances billed — starting, up, draining or down (statistics since the last reset). */
  readonly billed: TimeWeighted;
  /** Instances able to run tasks (up or draining), never reset: the CPU capacity. */
  readonly serving: TimeWeighted;
  scaleEvents = 0;
  private next = 1;
  private retiredBusy = 0;
  /** Pools of retired instances, reused by new ones so scaling never leaks connections. */
  private readonly sparePools: (ConnectionSource | null)[] = [];

  constructor(private readonly parts: FleetParts) {
    const now = parts.ctx.now;
    this.billed = new TimeWeighted(now);
    this.serving = new TimeWeighted(now);
    for (let k = 0; k < parts.settings.instances; k++) this.create('up');
    this.changed();
  }

  /** Instances that are (or after a restart will be) taking tasks: up or down, not leaving. */
  get replicas(): number {
    return this.count('up') + this.count('down');
  }

  get starting(): number {
    return this.count('starting');
  }

  /** The instance numbered `index` (1-based), if it is not retired. */
  worker(index: number): Worker | undefined {
    return this.live.find((w) => w.index === index);
  }

  /** The up instance with a free slot and the fewest running tasks (ties: the oldest). */
  pick(): Worker | null {
    let best: Worker | null = null;
    for (const w of this.live) if (w.free && (best === null || w.active < best.active)) best = w;
    return best;
  }

  scaleTo(n: number): void {
    if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`${this.parts.name}: scaleTo needs an integer >= 0 (got ${n})`);
    let current = this.replicas + this.starting;
    if (current !== n) this.scaleEvents++;
    for (; current < n; current++) {
      const w = this.create('starting');
      w.timer = this.parts.ctx.schedule(this.parts.settings.startup, this.wake, w);
    }
    for (; current > n; current--) this.remove(this.newest('starting') ?? this.newest('down') ?? this.newest('up')!);
    this.changed();
  }

  /** Kill instance `w`: returns the tasks it was running (the caller settles them), or null
   * when it was not running any (starting, down, retired). It restarts after `restart`. */
  crash(w: Worker): Task[] | null {
    if (w.state !== 'up' && w.state !== 'draining') return null;
    const draining = w.state === 'draining';
    const tasks = w.crash(this.parts.ctx.now);
    if (draining) this.retire(w);
    else w.timer = this.parts.ctx.schedule(this.parts.settings.restart, this.wake, w);
    this.changed();
    return tasks;
  }

  /** A draining instance leaves once its last task is done. */
  retireIfIdle(w: Worker): void {
    if (w.state === 'draining' && w.active === 0) {
      this.retire(w);
      this.changed();
    }
  }

  /** CPU core-seconds used by every instance, ever, up to `now`. */
  busyCoreSeconds(now: number): number {
    return this.live.reduce((s, w) => s + w.busyCoreSeconds(now), this.retiredBusy);
  }

  resetStats(now: number): void {
    this.billed.reset(now);
  }

  private create(state: WorkerState): Worker {
    const index = this.next++;
    const name = `${this.parts.name}/${index}`;
    const pool = this.sparePools.length > 0 ? this.sparePools.pop()! : this.parts.poolFor(name);
    const s = this.parts.settings;
    const w = new Worker(name, index, this.parts.contextFor(index), this.parts.flow, pool, s.cores, s.concurrency, state);
    this.live.push(w);
    return w;
  }

  private remove(w: Worker): void {
    if (w.state === 'up') {
      w.state = 'draining';
      this.retireIfIdle(w);
      return;
    }
    // starting or down: it runs nothing; stop its pending start or restart
    this.parts.ctx.cancel(w.timer);
    w.timer = -1;
    this.retire(w);
  }

  private retire(w: Worker): void {
    const now = this.parts.ctx.now;
    this.retiredBusy += w.busyCoreSeconds(now);
    w.state = 'retired';
    this.live.splice(this.live.indexOf(w), 1);
    this.sparePools.push(w.pool);
  }

  private newest(state: WorkerState): Worker | undefined {
    for (let i = this.live.length - 1; i >= 0; i--) if (this.live[i]!.state === state) return this.live[i];
    return undefined;
  }

  private count(state: WorkerState): number {
    let n = 0;
    for (const w of this.live) if (w.state === state) n++;
    return n;
  }

  private changed(): void {
    const now = this.parts.ctx.now;
    this.billed.set(now, this.live.length);
    this.serving.set(now, this.count('up') + this.count('draining'));
  }

  // bound once: a starting instance is ready, or a crashed one has restarted
  private readonly wake = (w: Worker): void => {
    w.timer = -1;
    w.state = 'up';
    this.changed();
    this.parts.onUp();
  };
}
