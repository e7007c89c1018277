/**
 * The autoscaler's decision rule resolved from its config: the HPA algorithm with the
 * behavior's defaults filled in, or the simple queue-depth scaler. Either way one function
 * of (current replicas, metric sample, now) that keeps its own history between calls.
 */
import { DEFAULT_BEHAVIOR, DEFAULT_TOLERANCE, type ScalingRules } from '../policies/scaling/behavior.js';
import { hpaDecide, hpaState, type HpaDecision, type HpaSpec } from '../policies/scaling/hpa.js';
import { queueDepthReplicas } from '../policies/scaling/queue-depth.js';
import type { MetricSample } from '../policies/scaling/replica-count.js';
import type { Recommendation } from '../policies/scaling/stabilize.js';
import type { AutoscalerConfig } from './schema.js';

/** Cooldown of the queue-depth scaler when not given, in seconds. */
export const DEFAULT_COOLDOWN = 60;

export type Decide = (current: number, sample: MetricSample, now: number) => HpaDecision;

type RulesConfig = NonNullable<AutoscalerConfig['behavior']>['scale_up'];

export function decider(c: AutoscalerConfig): Decide {
  if (c.algorithm === 'queue_depth') return queueDepthDecider(c);
  const spec = hpaSpec(c);
  const state = hpaState();
  return (current, sample, now) => hpaDecide(state, current, sample, now, spec);
}

/** The HPA spec: the metric's target and kind, bounds, tolerance and full behavior. */
export function hpaSpec(c: AutoscalerConfig): HpaSpec {
  const tolerance = c.tolerance ?? DEFAULT_TOLERANCE;
  const cpu = 'cpu' in c.metric;
  return {
    target: 'cpu' in c.metric ? c.metric.cpu : c.metric.queue_depth_per_worker,
    kind: cpu ? 'utilization' : 'average',
    tolerance: { up: tolerance, down: tolerance },
    minReplicas: c.min_replicas,
    maxReplicas: c.max_replicas,
    behavior: {
      scaleUp: rulesOf(c.behavior?.scale_up, DEFAULT_BEHAVIOR.scaleUp),
      scaleDown: rulesOf(c.behavior?.scale_down, DEFAULT_BEHAVIOR.scaleDown),
    },
  };
}

function rulesOf(r: RulesConfig | undefined, defaults: ScalingRules): ScalingRules {
  if (r === undefined) return defaults;
  return { window: r.stabilization_window, select: r.select_policy, policies: r.policies ?? defaults.policies };
}

function queueDepthDecider(c: AutoscalerConfig): Decide {
  if (!('queue_depth_per_worker' in c.metric)) throw new Error('queue_depth algorithm without a queue metric (validated earlier)');
  const spec = {
    perWorker: c.metric.queue_depth_per_worker,
    minReplicas: c.min_replicas,
    maxReplicas: c.max_replicas,
    cooldown: c.cooldown ?? DEFAULT_COOLDOWN,
  };
  const history: Recommendation[] = [];
  return (current, sample, now) => {
    // the metric is depth per worker in rotation (at least 1): back to the whole backlog
    const backlog = sample.value * Math.max(1, sample.ready);
    const desired = queueDepthReplicas(history, current, backlog, now, spec);
    return { desired, proposed: Math.ceil(backlog / spec.perWorker), reason: 'metric' };
  };
}
