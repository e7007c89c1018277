/**
 * The extra per-window series of a time series, for runs whose capacity moves: replica
 * counts of autoscaled tiers and worker pools, each worker queue's ready depth and task
 * latency p95 (publish → done) per window, and the whole stack's cost per hour. Runs with
 * neither an autoscaler nor a worker queue get none, so their windows stay as they were.
 */
import type { BuiltModel } from '../build/graph.js';
import type { ComponentInstance } from '../components/define.js';
import { LatencyHistogram } from '../engine/stats/histogram.js';
import type { ProbeEvent } from '../engine/types.js';
import { round } from '../metrics/summary.js';

/** What the extra series read of a scalable component (app tier, worker queue). */
interface Scaled {
  readonly name: string;
  readonly replicas: number;
  readonly starting: number;
}

/** The worker queue's attempt probe, as far as it is read here. */
interface AttemptEvent extends ProbeEvent {
  readonly queue: string;
  readonly outcome: string;
  readonly age: number;
}

const isScaled = (c: ComponentInstance): c is ComponentInstance & Scaled =>
  typeof (c as Partial<Scaled>).replicas === 'number' && typeof (c as Partial<Scaled>).starting === 'number';

export class WindowExtras {
  /** Tiers an autoscaler targets, then worker queues, in build order. */
  private readonly scaled: (ComponentInstance & Scaled)[];
  private readonly queues: string[];
  private taskLatency = new Map<string, LatencyHistogram>();

  constructor(built: BuiltModel) {
    const targets = new Set(built.model.components.filter((c) => c.kind === 'autoscaler')
      .map((c) => (c.config as { target?: unknown }).target).filter((t): t is string => typeof t === 'string'));
    this.scaled = built.components.filter(isScaled).filter((c) => targets.has(c.name) || c.kind === 'worker_queue');
    this.queues = built.components.filter((c) => c.kind === 'worker_queue').map((c) => c.name);
    if (this.queues.length > 0) {
      this.fresh();
      built.sim.probes.on<AttemptEvent>('worker_queue.attempt', (e) => {
        if (e.outcome === 'completed') this.taskLatency.get(e.queue)?.record(e.age);
      });
    }
  }

  /** Whether this run has anything to add. */
  get active(): boolean {
    return this.scaled.length > 0;
  }

  /** The extra figures of the window closing now; `depth` and `cost` are the window's means
   * (the sampler integrates them), given by component name and for the whole stack. */
  close(depth: Readonly<Record<string, number>>, costPerHour: number): Record<string, number> {
    const extra: Record<string, number> = {};
    for (const c of this.scaled) {
      extra[`replicas.${c.name}`] = c.replicas;
      extra[`starting.${c.name}`] = c.starting;
    }
    for (const q of this.queues) {
      const d = depth[q];
      if (d !== undefined) extra[`depth.${q}`] = d;
      const h = this.taskLatency.get(q)!;
      if (h.count > 0) extra[`task_p95_ms.${q}`] = round(h.percentile(95)! * 1000, 4);
    }
    extra.cost_per_hour = round(costPerHour, 4);
    this.fresh();
    return extra;
  }

  private fresh(): void {
    this.taskLatency = new Map(this.queues.map((q) => [q, new LatencyHistogram()]));
  }
}
