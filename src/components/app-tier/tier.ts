/**
 * The built app tier: instances of one runtime. It is a BackendGroup (a load balancer sends
 * to its instances in rotation), an Entry (with no load balancer in front it deals requests
 * to its up instances in turn itself) and Scalable (an autoscaler resizes it through its
 * fleet), and it reports the tier's CPU and worker use, queues, refusals and instance-hours.
 */
import type { SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { BackendGroup, Entry, Scalable } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { lbState, type LbState } from '../policies/lb/policy.js';
import { roundRobin } from '../policies/lb/round-robin.js';
import { CpuMeter } from './cpu-meter.js';
import type { Fleet } from './fleet.js';
import type { AppInstance } from './instance.js';
import { Refusal } from './reject-step.js';
import { tierReport } from './report.js';
import type { TierSettings } from './schema.js';

export class AppTier implements Entry, BackendGroup, Scalable, ComponentInstance {
  readonly kind = 'app_tier';
  private usable: Uint8Array;
  private turn: LbState;
  private readonly none: Refusal;
  private readonly meter = new CpuMeter();
  private statsSince: number;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    flow: FlowRunner,
    readonly settings: TierSettings,
    readonly fleet: Fleet,
    /** Price of one instance per hour. */
    private readonly pricePerHour: number,
  ) {
    this.usable = new Uint8Array(fleet.serving.length);
    this.turn = lbState(fleet.serving.length);
    this.none = new Refusal(ctx, flow, 'no_healthy_instance', 503);
    this.statsSince = ctx.now;
    this.meter.track(fleet.serving, ctx.now);
    // registered first, so the tier is up to date before any load balancer hears of a change
    fleet.onChange(this.resized);
  }

  /** The instances in rotation (starting and draining ones are not). */
  get instances(): readonly AppInstance[] {
    return this.fleet.serving;
  }

  backends(): readonly AppInstance[] {
    return this.fleet.serving;
  }

  onChange(listener: () => void): void {
    this.fleet.onChange(listener);
  }

  accept(req: Request): void {
    const list = this.fleet.serving;
    for (let i = 0; i < list.length; i++) this.usable[i] = list[i]!.up ? 1 : 0;
    const i = roundRobin(list, this.usable, this.turn, this.ctx.rng, 0);
    if (i < 0) return this.none.refuse(req);
    list[i]!.accept(req);
  }

  // Scalable
  get replicas(): number {
    return this.fleet.serving.length;
  }

  get starting(): number {
    return this.fleet.starting.length;
  }

  /** `cpu`: the mean CPU utilisation (0..1) of the instances in rotation since the last call. */
  metric(name: string, now: number): number {
    if (name !== 'cpu') throw new Error(`app_tier ${this.name}: no metric ${name} (an app tier offers cpu)`);
    return this.meter.sample(this.fleet.serving, this.settings.cores, now);
  }

  scaleTo(n: number): void {
    this.fleet.scaleTo(n);
  }

  resetStats(now: number): void {
    for (const inst of this.fleet.all) inst.resetStats(now);
    this.fleet.resetStats(now);
    this.statsSince = now;
  }

  report(now: number): ComponentReport {
    return tierReport(this.name, this.kind, this.settings, this.fleet, this.pricePerHour, this.statsSince, now);
  }

  // the rotation changed: measure newcomers from now; size the round-robin memory to it
  private readonly resized = (): void => {
    this.meter.track(this.fleet.serving, this.ctx.now);
    const n = this.fleet.serving.length;
    if (n === this.usable.length) return;
    this.usable = new Uint8Array(n);
    const cursor = this.turn.cursor;
    this.turn = lbState(n);
    this.turn.cursor = n > 0 ? cursor % n : 0;
  };
}
