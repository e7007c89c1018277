/**
 * The HPA replica calculator (Kubernetes replica_calculator.go, GetResourceReplicas):
 * desired = ceil(ready × metric / target), unless the ratio is within the tolerance of 1.
 * Pods still starting have no metric: they are left out, except that on a scale-up they count
 * as idle, which damps a second scale-up while the first one's pods are still coming.
 */

/** One metric reading of a scaled resource. */
export interface MetricSample {
  /** The metric averaged over the ready replicas (CPU utilisation 0..1, tasks per worker…). */
  readonly value: number;
  /** Replicas taking work, which the value was measured on. */
  readonly ready: number;
  /** Replicas requested but still starting (Kubernetes: unready pods). */
  readonly unready: number;
}

export interface MetricTarget {
  /** Target average per ready replica, in the metric's unit (> 0). */
  readonly target: number;
  /** `utilization` compares whole percentages, as Kubernetes does for resource utilisation
   * (65.9 % reads as 65 %); `average` compares the value as it is. */
  readonly kind: 'utilization' | 'average';
  /** Ratios r with 1 - down <= r <= 1 + up cause no change. */
  readonly tolerance: { readonly up: number; readonly down: number };
}

/**
 * The replica count the metric asks for, given the current (requested) count. Returns
 * `current` when the change would be within the tolerance, or when counting starting
 * replicas as idle would reverse the direction of the change.
 */
export function metricReplicas(current: number, s: MetricSample, t: MetricTarget): number {
  if (s.ready <= 0) throw new RangeError(`metricReplicas: no ready replica to measure (ready = ${s.ready})`);
  const within = (r: number): boolean => 1 - t.tolerance.down <= r && r <= 1 + t.tolerance.up;
  const ratio = usageRatio(s.value, t);
  if (!(s.unready > 0 && ratio > 1)) {
    if (within(ratio)) return current;
    return Math.ceil(ratio * s.ready);
  }
  // scale-up with pods still starting: they count as using nothing
  const pods = s.ready + s.unready;
  const newRatio = usageRatio((s.value * s.ready) / pods, t);
  if (within(newRatio) || newRatio < 1) return current;
  const replicas = Math.ceil(newRatio * pods);
  return replicas < current ? current : replicas;
}

/** metric / target, with Kubernetes' integer percentage for utilisation. */
export function usageRatio(value: number, t: MetricTarget): number {
  if (t.kind === 'average') return value / t.target;
  // int32(usage × 100 / request): truncated; the epsilon keeps 0.29 × 100 = 28.999… at 29
  const percent = Math.floor(value * 100 + 1e-9);
  return percent / (Math.round(t.target * 1e11) / 1e9);
}
