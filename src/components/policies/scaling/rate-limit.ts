/**
 * Scaling policies (Kubernetes calculateScaleUpLimitWithScalingRules and its scale-down
 * twin): each policy bounds the replica count from the count at the start of its sliding
 * period — reconstructed from the scale events inside the period — and selectPolicy picks
 * the most (max) or least (min) permissive bound. Rounding follows Kubernetes: a Percent
 * scale-up rounds up (so it always adds one), a Percent scale-down truncates.
 */
import { insideWindow } from './stabilize.js';
import type { ScalingRules } from './behavior.js';

/** A change the scaler made: `change` replicas added (in the up list) or removed (down list). */
export interface ScaleEvent {
  readonly t: number;
  readonly change: number;
}

export interface ScaleHistory {
  readonly up: readonly ScaleEvent[];
  readonly down: readonly ScaleEvent[];
}

/** Replicas added (or removed) within the last `period` seconds. */
export function changeInPeriod(events: readonly ScaleEvent[], now: number, period: number): number {
  let sum = 0;
  for (const e of events) if (insideWindow(e.t, now, period)) sum += e.change;
  return sum;
}

/** The most replicas the scale-up rules allow now, from `current` replicas. */
export function scaleUpLimit(current: number, history: ScaleHistory, rules: ScalingRules, now: number): number {
  if (rules.select === 'disabled') return current;
  let result = rules.select === 'min' ? Infinity : -Infinity;
  for (const p of rules.policies) {
    const start = periodStart(current, history, now, p.period);
    const proposed = p.type === 'pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = rules.select === 'min' ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** The fewest replicas the scale-down rules allow now, from `current` replicas. */
export function scaleDownLimit(current: number, history: ScaleHistory, rules: ScalingRules, now: number): number {
  if (rules.select === 'disabled') return current;
  let result = rules.select === 'min' ? -Infinity : Infinity;
  for (const p of rules.policies) {
    const start = periodStart(current, history, now, p.period);
    const proposed = p.type === 'pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = rules.select === 'min' ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** Replicas at the start of the period: undo the changes made within it. */
function periodStart(current: number, history: ScaleHistory, now: number, period: number): number {
  return current - changeInPeriod(history.up, now, period) + changeInPeriod(history.down, now, period);
}
