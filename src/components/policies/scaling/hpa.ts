/**
 * One Horizontal Pod Autoscaler sync (Kubernetes v2 reconcileAutoscaler, behavior set):
 * clamp into [min, max] first; otherwise the metric's recommendation, stabilised over the
 * windows, then limited by the scaling policies and [min, max]. The state (recommendation
 * history and scale events) is plain data the caller keeps between syncs; this function
 * updates it in place and needs no engine, so a metric trace replays by hand.
 */
import { longestPeriod, type HpaBehavior } from './behavior.js';
import { scaleDownLimit, scaleUpLimit, type ScaleEvent } from './rate-limit.js';
import { metricReplicas, type MetricSample, type MetricTarget } from './replica-count.js';
import { stabilize, insideWindow, type Recommendation } from './stabilize.js';

export interface HpaSpec extends MetricTarget {
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly behavior: HpaBehavior;
}

export interface HpaState {
  readonly recommendations: Recommendation[];
  readonly up: ScaleEvent[];
  readonly down: ScaleEvent[];
}

export function hpaState(): HpaState {
  return { recommendations: [], up: [], down: [] };
}

/** What a sync decided, and why (for timelines and tests). */
export interface HpaDecision {
  /** The replica count to scale to (equal to `current` when nothing changes). */
  readonly desired: number;
  /** The metric's raw recommendation (NaN when it was not consulted). */
  readonly proposed: number;
  readonly reason: 'below_min' | 'above_max' | 'no_metrics' | 'metric';
}

/**
 * Decide the replica count at time `now`, given the `current` requested count (running and
 * starting) and a metric sample. A sample without ready replicas changes nothing, as a
 * Kubernetes sync that gets no metrics fails without scaling.
 */
export function hpaDecide(state: HpaState, current: number, sample: MetricSample, now: number, spec: HpaSpec): HpaDecision {
  // recordInitialRecommendation: the count at the first sync holds the scale-down window
  if (state.recommendations.length === 0) state.recommendations.push({ t: now, replicas: current });
  let desired: number;
  let proposed = NaN;
  let reason: HpaDecision['reason'] = 'metric';
  if (current > spec.maxReplicas) {
    desired = spec.maxReplicas;
    reason = 'above_max';
  } else if (current < spec.minReplicas) {
    desired = spec.minReplicas;
    reason = 'below_min';
  } else if (sample.ready <= 0) {
    return { desired: current, proposed, reason: 'no_metrics' };
  } else {
    proposed = metricReplicas(current, sample, spec);
    const b = spec.behavior;
    const stabilised = stabilize(state.recommendations, now, current, proposed, { up: b.scaleUp.window, down: b.scaleDown.window });
    desired = limitRate(state, current, stabilised, now, spec);
  }
  if (desired !== current) recordScale(state, current, desired, now, spec.behavior);
  return { desired, proposed, reason };
}

/** convertDesiredReplicasWithBehaviorRate: the policies' bound, then [min, max]. */
function limitRate(state: HpaState, current: number, desired: number, now: number, spec: HpaSpec): number {
  if (desired > current) {
    const limit = Math.max(current, scaleUpLimit(current, state, spec.behavior.scaleUp, now));
    return Math.min(desired, spec.maxReplicas, limit);
  }
  if (desired < current) {
    const limit = Math.min(current, scaleDownLimit(current, state, spec.behavior.scaleDown, now));
    return Math.max(desired, spec.minReplicas, limit);
  }
  return desired;
}

/** storeScaleEvent; events older than the longest policy period are dropped. */
function recordScale(state: HpaState, from: number, to: number, now: number, b: HpaBehavior): void {
  const [events, rules] = to > from ? [state.up, b.scaleUp] : [state.down, b.scaleDown];
  const keep = longestPeriod(rules);
  let n = 0;
  for (const e of events) if (insideWindow(e.t, now, keep)) events[n++] = e;
  events.length = n;
  events.push({ t: now, change: Math.abs(to - from) });
}
