// autoscaler: the component's replica timeline on a recorded metric trace against the HPA
// rules worked by hand (sync period, starting replicas, stabilisation window), the simple
// queue-depth scaler, the config's validation and defaults, and its report.
import { describe, expect, it } from 'vitest';
import { autoscaler, type Autoscaler } from '../../src/components/autoscaler.js';
import { hpaSpec } from '../../src/components/autoscaler/decide.js';
import type { Scalable } from '../../src/components/contracts.js';
import { DEFAULT_BEHAVIOR } from '../../src/components/policies/scaling/behavior.js';
import type { SimContext } from '../../src/engine/types.js';
import { createContext } from '../../src/engine/context.js';
import { testWorld, type TestWorld } from './env.js';

/** A Scalable replaying a recorded metric trace; replicas asked for become ready after `startup`. */
class TraceTarget implements Scalable {
  readonly name = 'app';
  starting = 0;
  readonly asked: [number, number][] = [];
  readonly metricNames: string[] = [];
  private next = 0;

  constructor(private readonly ctx: SimContext, public replicas: number, private readonly trace: number[], private readonly startup: number) {}

  metric(name: string, _now: number): number {
    this.metricNames.push(name);
    const v = this.trace[this.next++];
    if (v === undefined) throw new Error('trace exhausted');
    return v;
  }

  scaleTo(n: number): void {
    this.asked.push([this.ctx.now, n]);
    const more = n - this.replicas - this.starting;
    if (more > 0) {
      this.starting += more;
      this.ctx.schedule(this.startup, () => {
        this.starting -= more;
        this.replicas += more;
      }, null);
      return;
    }
    const fromStarting = Math.min(this.starting, -more);
    this.starting -= fromStarting;
    this.replicas += more + fromStarting;
  }
}

function build(w: TestWorld, fields: Record<string, unknown>): Autoscaler {
  return autoscaler.build('hpa', autoscaler.schema.parse({ kind: 'autoscaler', target: 'app', ...fields }), w.env('hpa'));
}

describe('the replica timeline of a recorded metric trace equals the HPA rules by hand', () => {
  // sync 15 s, target 50 %, min 1, max 10, default behavior; 2 replicas; new ones ready after 20 s.
  // t=15  90 %, 2 ready: ratio 1.8 → ceil(3.6) = 4 (limit max(4, 6))                → 4, ready at 35
  // t=30  90 %, 2 ready + 2 starting: counted idle → 45 % → 0.9 < 1: no change      → 4
  // t=45  70 %, 4 ready: 1.4 → ceil(5.6) = 6                                         → 6, ready at 65
  // t=60  80 %, 4 + 2 starting: 0.8 × 4/6 = 53 % → 1.06, within                      → 6
  // t=75  50 %: within                                                               → 6
  // t=90…360 20 %: 0.4 → ceil(2.4) = 3, held by the 6 recommended at t=75 (300 s window) → 6
  // t=375 20 %: the window (75, 375] holds only 3s                                   → 3 (3 drained)
  // t=390 40 %, 3 ready: 0.8 → ceil(2.4) = 3                                         → 3
  const trace = [0.9, 0.9, 0.7, 0.8, 0.5, ...Array<number>(20).fill(0.2), 0.4];
  const byHand = [4, 4, 6, 6, 6, ...Array<number>(19).fill(6), 3, 3];

  function run(): { hpa: Autoscaler; target: TraceTarget } {
    const w = testWorld(1);
    const target = new TraceTarget(createContext(w.sim, 'app'), 2, trace, 20);
    w.components.set('app', target);
    const hpa = build(w, { metric: { cpu: '50%' }, max_replicas: 10 });
    w.sim.run({ until: 390 });
    return { hpa, target };
  }

  it('decides the hand-computed counts at t = 15, 30, … 390', () => {
    const { hpa, target } = run();
    const points = hpa.timeline();
    expect(points.map((p) => p.t)).toEqual(trace.map((_, i) => 15 * (i + 1)));
    expect(points.map((p) => p.desired)).toEqual(byHand);
    expect(points.slice(0, 5).map((p) => [p.replicas, p.starting])).toEqual([[2, 0], [2, 2], [4, 0], [4, 2], [6, 0]]);
    expect(points.map((p) => p.metric)).toEqual(trace);
    expect(target.asked).toEqual([[15, 4], [45, 6], [375, 3]]);
    expect(new Set(target.metricNames)).toEqual(new Set(['cpu']));
  });

  it('reports the requested replicas over time and the scale events', () => {
    const { hpa } = run();
    // 2 over [0, 15), 4 over [15, 45), 6 over [45, 375), 3 over [375, 390]
    const mean = (2 * 15 + 4 * 30 + 6 * 330 + 3 * 15) / 390;
    const r = hpa.report(390);
    expect(r.costPerHour).toBe(0);
    expect(r.extra).toMatchObject({ replicas: 3, peak_replicas: 6, low_replicas: 2, scale_ups: 2, scale_downs: 1, syncs: 26 });
    expect(r.extra!.mean_replicas).toBeCloseTo(mean, 12);
    expect(r.extra!.mean_metric).toBeCloseTo(trace.reduce((s, v) => s + v, 0) / 26, 12);
    expect(r.extra!.max_metric).toBe(0.9);
  });
});

describe('the simple queue-depth scaler', () => {
  it('asks for ceil(backlog / per worker) at once, and fewer only after the cooldown', () => {
    const w = testWorld(1);
    // depth per worker in rotation: 1 worker × 35 → backlog 35 → 4; then 4 × 12.5 = 50 → 5;
    // then nothing waiting: the 5 holds through the 30 s cooldown, then min 1
    const target = new TraceTarget(createContext(w.sim, 'app'), 1, [35, 12.5, 0, 0, 0], 0);
    w.components.set('app', target);
    build(w, { metric: { queue_depth_per_worker: 10 }, algorithm: 'queue_depth', cooldown: '30s', max_replicas: 8, sync_period: '10s' });
    w.sim.run({ until: 50 });
    expect(target.asked).toEqual([[10, 4], [20, 5], [50, 1]]);
    expect(new Set(target.metricNames)).toEqual(new Set(['queue_depth_per_worker']));
  });
});

describe('autoscaler config', () => {
  const parse = (fields: Record<string, unknown>) => autoscaler.schema.safeParse({ kind: 'autoscaler', target: 'app', metric: { cpu: '60%' }, max_replicas: 10, ...fields });
  const problem = (fields: Record<string, unknown>): string => {
    const r = parse(fields);
    return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };

  it('fills in Kubernetes defaults: 15 s sync, 10 % tolerance, default behavior', () => {
    const c = parse({}).data!;
    expect(c.sync_period).toBe(15);
    expect(hpaSpec(c)).toEqual({
      target: 0.6, kind: 'utilization', tolerance: { up: 0.1, down: 0.1 }, minReplicas: 1, maxReplicas: 10, behavior: DEFAULT_BEHAVIOR,
    });
  });

  it('a partial behavior keeps the defaults of what it leaves out', () => {
    const c = parse({ behavior: { scale_down: { stabilization_window: '1m', select_policy: 'min' } } }).data!;
    const b = hpaSpec(c).behavior;
    expect(b.scaleUp).toEqual(DEFAULT_BEHAVIOR.scaleUp);
    expect(b.scaleDown).toEqual({ window: 60, select: 'min', policies: DEFAULT_BEHAVIOR.scaleDown.policies });
    const p = parse({ behavior: { scale_up: { policies: [{ type: 'pods', value: 2, period: '1m' }] } } }).data!;
    expect(hpaSpec(p).behavior.scaleUp).toEqual({ window: 0, select: 'max', policies: [{ type: 'pods', value: 2, period: 60 }] });
  });

  it('rejects inconsistent settings, naming the field', () => {
    expect(problem({ max_replicas: 2, min_replicas: 3 })).toMatch(/max_replicas: expected at least min_replicas \(3\)/);
    expect(problem({ algorithm: 'queue_depth' })).toMatch(/algorithm: .*queue_depth_per_worker/);
    expect(problem({ cooldown: '1m' })).toMatch(/cooldown: .*applies to algorithm queue_depth/);
    expect(problem({ metric: { queue_depth_per_worker: 5 }, algorithm: 'queue_depth', tolerance: '5%' })).toMatch(/tolerance/);
    expect(problem({ metric: { cpu: 0 } })).toMatch(/metric.cpu/);
    expect(problem({ behavior: { scale_up: { policies: [{ type: 'pods', value: 1, period: '1h' }] } } })).toMatch(/period/);
    expect(problem({ behavior: { scale_down: { stabilization_window: '2h' } } })).toMatch(/stabilization_window/);
    expect(problem({ sync_period: 0 })).toMatch(/sync_period/);
  });

  it('refers to its target with the kinds its metric allows', () => {
    const refs = (metric: unknown) => autoscaler.refs(parse({ metric }).data!);
    expect(refs({ cpu: '50%' })).toEqual([{ path: ['target'], name: 'app', kinds: ['app_tier', 'worker_queue'] }]);
    expect(refs({ queue_depth_per_worker: 4 })[0]!.kinds).toEqual(['worker_queue']);
  });

  it('refuses a target that cannot be resized', () => {
    const w = testWorld(1);
    w.components.set('app', { name: 'app' });
    expect(() => build(w, { metric: { cpu: '50%' }, max_replicas: 3 })).toThrow(/cannot be resized/);
  });
});
