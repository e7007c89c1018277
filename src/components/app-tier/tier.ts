/**
 * The built app tier: N instances of one runtime. It is a BackendGroup (a load balancer sends
 * to its instances) and an Entry (with no load balancer in front it deals requests to its up
 * instances in turn itself), and it reports the tier's CPU and worker use, queues and refusals.
 */
import type { SimContext } from '../../engine/types.js';
import type { Request } from '../../flow/request.js';
import type { FlowRunner } from '../../flow/runner.js';
import type { BackendGroup, Entry } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import { lbState } from '../policies/lb/policy.js';
import { roundRobin } from '../policies/lb/round-robin.js';
import type { AppInstance } from './instance.js';
import { Refusal } from './reject-step.js';
import type { TierSettings } from './schema.js';

export class AppTier implements Entry, BackendGroup, ComponentInstance {
  readonly kind = 'app_tier';
  private readonly usable: Uint8Array;
  private readonly turn;
  private readonly none: Refusal;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    flow: FlowRunner,
    readonly settings: TierSettings,
    readonly instances: readonly AppInstance[],
    private readonly costPerHour: number,
  ) {
    this.usable = new Uint8Array(instances.length);
    this.turn = lbState(instances.length);
    this.none = new Refusal(ctx, flow, 'no_healthy_instance', 503);
  }

  backends(): readonly AppInstance[] {
    return this.instances;
  }

  accept(req: Request): void {
    const list = this.instances;
    for (let i = 0; i < list.length; i++) this.usable[i] = list[i]!.up ? 1 : 0;
    const i = roundRobin(list, this.usable, this.turn, this.ctx.rng, 0);
    if (i < 0) return this.none.refuse(req);
    list[i]!.accept(req);
  }

  resetStats(now: number): void {
    for (const inst of this.instances) inst.resetStats(now);
  }

  report(now: number): ComponentReport {
    const n = this.instances.length;
    const figures = this.instances.map((inst) => inst.figures(now));
    const sum = (f: (i: AppInstance) => number) => this.instances.reduce((s, inst) => s + f(inst), 0);
    const extra: Record<string, number> = {
      instances: n,
      accepted: sum((i) => i.accepted),
      accept_queue_full: sum((i) => i.refusedFull),
      refused_down: sum((i) => i.refusedDown),
      request_timeout: sum((i) => i.timeouts),
      mean_in_progress: sum((i) => i.inProgress.mean(now)),
    };
    if (this.settings.slots > 0) {
      extra.worker_utilisation = figures.reduce((s, f) => s + f.slotUtilisation, 0) / n;
      const waited = figures.reduce((s, f) => s + f.acceptWaitCount, 0);
      extra.mean_accept_wait_ms = waited > 0 ? (figures.reduce((s, f) => s + f.acceptWaitSum, 0) / waited) * 1000 : 0;
    }
    this.instances.forEach((inst, k) => {
      extra[`${inst.name}.utilisation`] = figures[k]!.busyCores / this.settings.cores;
      extra[`${inst.name}.accepted`] = inst.accepted;
    });
    return {
      name: this.name,
      kind: this.kind,
      utilisation: figures.reduce((s, f) => s + f.busyCores, 0) / (n * this.settings.cores),
      meanQueue: figures.reduce((s, f) => s + f.queueMean, 0) / n,
      maxQueue: Math.max(...figures.map((f) => f.queueMax)),
      costPerHour: this.costPerHour,
      extra,
    };
  }
}
