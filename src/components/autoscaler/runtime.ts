/**
 * The running autoscaler: every sync period it reads the target's metric and replica counts,
 * asks its decision rule for a replica count and resizes the target when that differs. It
 * keeps one timeline point per sync (for charts of replicas against load) and reports the
 * replicas it asked for over time and how often it scaled.
 */
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import type { SimContext } from '../../engine/types.js';
import type { Scalable } from '../contracts.js';
import type { ComponentInstance, ComponentReport } from '../define.js';
import type { Decide } from './decide.js';

/** What one sync saw and decided. */
export interface ScalingPoint {
  readonly t: number;
  /** Replicas taking work, and those still starting, when the metric was read. */
  readonly replicas: number;
  readonly starting: number;
  /** The replica count decided (running, starting and to start). */
  readonly desired: number;
  readonly metric: number;
}

export class Autoscaler implements ComponentInstance {
  readonly kind = 'autoscaler';
  private readonly points: ScalingPoint[] = [];
  /** The requested replica count over time (Kubernetes: the scale's spec.replicas). */
  private readonly requested: TimeWeighted;

  // statistics since the last reset
  private syncs = 0;
  private scaleUps = 0;
  private scaleDowns = 0;
  private metricSum = 0;
  private metricMax = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    private readonly target: Scalable,
    private readonly metricName: string,
    private readonly period: number,
    private readonly decide: Decide,
  ) {
    this.requested = new TimeWeighted(ctx.now, target.replicas + target.starting);
    ctx.schedule(period, this.sync, null);
  }

  /** One point per sync since the start of the run (warm-up included), oldest first. */
  timeline(): readonly ScalingPoint[] {
    return this.points;
  }

  resetStats(now: number): void {
    this.requested.reset(now);
    this.syncs = this.scaleUps = this.scaleDowns = this.metricSum = this.metricMax = 0;
  }

  report(now: number): ComponentReport {
    const extra: Record<string, number> = {
      replicas: this.requested.current,
      mean_replicas: this.requested.mean(now),
      peak_replicas: this.requested.max,
      low_replicas: this.requested.min,
      scale_ups: this.scaleUps,
      scale_downs: this.scaleDowns,
      syncs: this.syncs,
    };
    if (this.syncs > 0) {
      extra.mean_metric = this.metricSum / this.syncs;
      extra.max_metric = this.metricMax;
    }
    return { name: this.name, kind: this.kind, costPerHour: 0, extra };
  }

  // bound once; reschedules itself for the whole run
  private readonly sync = (): void => {
    const now = this.ctx.now;
    const ready = this.target.replicas;
    const unready = this.target.starting;
    const current = ready + unready;
    const value = this.target.metric(this.metricName, now);
    const { desired } = this.decide(current, { value, ready, unready }, now);
    if (desired !== current) {
      this.target.scaleTo(desired);
      this.requested.set(now, desired);
      if (desired > current) this.scaleUps++;
      else this.scaleDowns++;
    }
    this.points.push({ t: now, replicas: ready, starting: unready, desired, metric: value });
    this.syncs++;
    this.metricSum += value;
    if (value > this.metricMax) this.metricMax = value;
    this.ctx.schedule(this.period, this.sync, null);
  };
}
