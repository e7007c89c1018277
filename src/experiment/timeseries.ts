/**
 * Time series of one run: every `window` simulated seconds, the offered rate, throughput,
 * p95 of the responses sent in that window (a fresh histogram per window), the error rate
 * and each component's mean queue length over the window, plus — when the run has autoscaled
 * tiers or worker queues — the extra series of window-extra.ts. Attached through `observe`
 * before the run starts; sampling adds events but never changes the order of the model's.
 */
import type { BuiltModel } from '../build/graph.js';
import type { ComponentInstance } from '../components/define.js';
import { LatencyHistogram } from '../engine/stats/histogram.js';
import type { Request } from '../flow/request.js';
import { round } from '../metrics/summary.js';
import type { TimeWindow } from './results.js';
import { WindowExtras } from './window-extra.js';

/** A component's time-integrated queue length and cost rate, across the warm-up reset of its statistics. */
interface QueueTrack {
  readonly c: ComponentInstance;
  /** ∫ queue dt accumulated before the last reset, and when that reset happened. */
  before: number;
  since: number;
  /** The integral at the start of the current window. */
  atWindowStart: number;
  /** The same for ∫ costPerHour dt. */
  costBefore: number;
  costAtWindowStart: number;
}

export class WindowSampler {
  readonly windows: TimeWindow[] = [];
  private latency = new LatencyHistogram();
  private ok = 0;
  private errors = 0;
  private start = 0;
  private generatedAtStart = 0;
  private readonly queues: QueueTrack[];
  private readonly extras: WindowExtras;

  constructor(private readonly built: BuiltModel, private readonly window: number, private readonly end: number) {
    this.queues = built.components.map((c) => this.track(c));
    this.extras = new WindowExtras(built);
    this.tapResponses();
    if (window < end) built.sim.schedule(window, this.tick, null);
  }

  /** Close the last (possibly shorter) window once the run has ended. */
  finish(now: number): TimeWindow[] {
    if (now > this.start) this.close(now);
    return this.windows;
  }

  private readonly tick = (): void => {
    const now = this.built.sim.now;
    this.close(now);
    if (now + this.window < this.end) this.built.sim.schedule(this.window, this.tick, null);
  };

  private close(now: number): void {
    const span = now - this.start;
    const generated = this.generated();
    const queues: Record<string, number> = {};
    let cost = 0;
    for (const q of this.queues) {
      if (this.extras.active) {
        const spent = this.costIntegral(q, now);
        cost += (spent - q.costAtWindowStart) / span;
        q.costAtWindowStart = spent;
      }
      const integral = this.integral(q, now);
      if (integral === undefined) continue;
      queues[q.c.name] = round((integral - q.atWindowStart) / span, 4);
      q.atWindowStart = integral;
    }
    const p95 = this.latency.count === 0 ? null : round(this.latency.percentile(95)! * 1000, 4);
    const window: TimeWindow = {
      t: round(this.start),
      offered: round((generated - this.generatedAtStart) / span),
      throughput: round(this.ok / span),
      p95Ms: p95,
      errors: round(this.errors / span),
      queues,
    };
    if (this.extras.active) window.extra = this.extras.close(queues, cost);
    this.windows.push(window);
    this.start = now;
    this.generatedAtStart = generated;
    this.latency = new LatencyHistogram();
    this.ok = this.errors = 0;
  }

  private generated(): number {
    // Sources create their generator when started, which simulate() does before running.
    return this.built.sources.reduce((n, s) => n + s.generator.generated, 0);
  }

  /** Every response, once, through the flow runner's listener hook. */
  private tapResponses(): void {
    this.built.flow.addResponseListener((req: Request) => {
      if (req.error === null) {
        this.ok++;
        this.latency.record(req.respondedAt - req.startedAt);
      } else this.errors++;
    });
  }

  /** Reports give the mean queue since the last reset; wrapping resetStats keeps the total. */
  private track(c: ComponentInstance): QueueTrack {
    const q: QueueTrack = { c, before: 0, since: 0, atWindowStart: 0, costBefore: 0, costAtWindowStart: 0 };
    const reset = c.resetStats.bind(c);
    (c as { resetStats: (now: number) => void }).resetStats = (now: number): void => {
      q.before = this.integral(q, now) ?? 0;
      q.costBefore = this.costIntegral(q, now);
      q.since = now;
      reset(now);
    };
    return q;
  }

  /** undefined for components without a queue (their reports have no meanQueue). */
  private integral(q: QueueTrack, now: number): number | undefined {
    const mean = q.c.report(now).meanQueue;
    if (mean === undefined) return undefined;
    const elapsed = now - q.since;
    return q.before + (elapsed > 0 && Number.isFinite(mean) ? mean * elapsed : 0);
  }

  /** Reports give the mean cost per hour since the last reset (billed instance-hours). */
  private costIntegral(q: QueueTrack, now: number): number {
    const rate = q.c.report(now).costPerHour;
    const elapsed = now - q.since;
    return q.costBefore + (elapsed > 0 && Number.isFinite(rate) ? rate * elapsed : 0);
  }
}
