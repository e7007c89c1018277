/**
 * The instances of a tier over time, for runtime resizing (an autoscaler's `scaleTo`):
 * an added instance is billed from the moment it is asked for but joins the rotation only
 * after its start-up delay; a removed one leaves the rotation at once and drains — it ends
 * the requests it has, then is gone. Listeners (load balancers) hear of every change to the
 * rotation. Removal follows a ReplicaSet's choice: starting instances first, then the ones
 * in rotation for the shortest time.
 */
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { Distribution, EventId, RandomStream, SimContext } from '../../engine/types.js';
import type { AppInstance } from './instance.js';

/** Builds instance number `k` and the stream its start-up delay is drawn from. */
export type InstanceFactory = (k: number) => { instance: AppInstance; startup: RandomStream };

interface Starting {
  readonly instance: AppInstance;
  readonly timer: EventId;
}

export class Fleet {
  /** In rotation, oldest first: what the tier and load balancers send requests to. */
  readonly serving: AppInstance[];
  readonly starting: Starting[] = [];
  readonly draining = new Set<AppInstance>();
  /** Every instance with statistics in the current window (those gone are kept until a reset). */
  readonly all: AppInstance[];
  /** Instances paid for: starting, serving and draining. */
  readonly billed: TimeWeighted;
  /** Instances able to work: serving and draining (the denominator of utilisation). */
  readonly working: TimeWeighted;
  /** True once `scaleTo` has been called: the report then shows the fleet's figures. */
  resized = false;
  private readonly listeners: (() => void)[] = [];
  private next: number;

  constructor(
    private readonly ctx: SimContext,
    initial: readonly AppInstance[],
    private readonly make: InstanceFactory,
    private readonly startup: Distribution,
  ) {
    this.serving = [...initial];
    this.all = [...initial];
    this.next = initial.length + 1;
    this.billed = new TimeWeighted(ctx.now, initial.length);
    this.working = new TimeWeighted(ctx.now, initial.length);
  }

  /** Requested replicas: serving plus starting (draining ones are on their way out). */
  get requested(): number {
    return this.serving.length + this.starting.length;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  scaleTo(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`scaleTo: replicas must be a whole number >= 0, got ${n}`);
    this.resized = true;
    for (let k = this.requested; k < n; k++) this.add();
    let changed = false;
    while (this.requested > n) {
      const s = this.starting.pop();
      if (s !== undefined) {
        this.cancel(s);
      } else {
        this.drain(this.serving.pop()!);
        changed = true;
      }
    }
    if (changed) this.notify();
  }

  resetStats(now: number): void {
    this.billed.reset(now);
    this.working.reset(now);
    // instances already gone have nothing more to report
    const live = this.all.filter((i) => this.serving.includes(i) || this.draining.has(i) || this.starting.some((s) => s.instance === i));
    this.all.length = 0;
    this.all.push(...live);
  }

  private add(): void {
    const { instance, startup } = this.make(this.next++);
    instance.resetStats(this.ctx.now); // its statistics begin now
    this.all.push(instance);
    this.billed.add(this.ctx.now, 1);
    const delay = Math.max(0, this.startup.sample(startup));
    this.starting.push({ instance, timer: this.ctx.schedule(delay, this.ready, instance) });
  }

  /** Never in rotation, so nothing to drain; its pool opened connections while it booted. */
  private cancel(s: Starting): void {
    this.ctx.cancel(s.timer);
    this.billed.add(this.ctx.now, -1);
    s.instance.pool?.close?.();
  }

  /** Out of rotation; gone at once if idle, else when its last request ends. */
  private drain(instance: AppInstance): void {
    if (instance.active === 0) return this.gone(instance);
    this.draining.add(instance);
    instance.onIdle = this.idle;
  }

  /** The runner releases a request's connection before its instance slot (reverse order of
   * taking), so when the last request lets go the instance's pool is idle and can close. */
  private gone(instance: AppInstance): void {
    instance.onIdle = null;
    this.draining.delete(instance);
    this.billed.add(this.ctx.now, -1);
    this.working.add(this.ctx.now, -1);
    instance.pool?.close?.();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  // bound once: the instance is the event payload
  private readonly ready = (instance: AppInstance): void => {
    const i = this.starting.findIndex((s) => s.instance === instance);
    this.starting.splice(i, 1);
    this.serving.push(instance);
    this.working.add(this.ctx.now, 1);
    this.notify();
  };

  private readonly idle = (instance: AppInstance): void => this.gone(instance);
}
