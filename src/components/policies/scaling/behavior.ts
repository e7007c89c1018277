/**
 * The HPA v2 `behavior` block as plain data, with Kubernetes' defaults: how fast a scaler
 * may add or remove replicas (policies per period, combined by selectPolicy) and how long it
 * remembers earlier recommendations (stabilisation windows). Times are simulated seconds.
 */

/** Pods: at most `value` replicas per period; Percent: at most `value` % of the replicas
 * there were at the start of the period. */
export interface ScalingPolicy {
  readonly type: 'pods' | 'percent';
  readonly value: number;
  /** Length of the sliding period in seconds (> 0). */
  readonly period: number;
}

/** Max: the policy allowing the largest change wins; Min: the smallest; Disabled: no change. */
export type SelectPolicy = 'max' | 'min' | 'disabled';

export interface ScalingRules {
  /** Stabilisation window in seconds (0: act on the latest recommendation alone). */
  readonly window: number;
  readonly select: SelectPolicy;
  /** At least one. */
  readonly policies: readonly ScalingPolicy[];
}

export interface HpaBehavior {
  readonly scaleUp: ScalingRules;
  readonly scaleDown: ScalingRules;
}

/** The controller's --horizontal-pod-autoscaler-tolerance: ratios within 10 % of 1 are ignored. */
export const DEFAULT_TOLERANCE = 0.1;

/** Kubernetes' default scale-up: no window; double, or add 4 pods, per 15 s, whichever is more. */
export const DEFAULT_SCALE_UP: ScalingRules = {
  window: 0,
  select: 'max',
  policies: [{ type: 'percent', value: 100, period: 15 }, { type: 'pods', value: 4, period: 15 }],
};

/** Kubernetes' default scale-down: a 5-minute window; any number of pods per 15 s. */
export const DEFAULT_SCALE_DOWN: ScalingRules = {
  window: 300,
  select: 'max',
  policies: [{ type: 'percent', value: 100, period: 15 }],
};

export const DEFAULT_BEHAVIOR: HpaBehavior = { scaleUp: DEFAULT_SCALE_UP, scaleDown: DEFAULT_SCALE_DOWN };

/** The longest policy period of a direction: older scale events can no longer matter. */
export function longestPeriod(rules: ScalingRules): number {
  return rules.policies.reduce((m, p) => Math.max(m, p.period), 0);
}
