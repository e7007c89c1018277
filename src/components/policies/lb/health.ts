/**
 * Active health checks, HAProxy style: a backend is taken out after `unhealthy` consecutive
 * failed checks (fall) and put back after `healthy` consecutive passed checks (rise). A
 * check result agreeing with the current state resets the streak, so a single lucky or
 * unlucky check never flips a backend on its own.
 */

export interface HealthThresholds {
  /** Consecutive failures that take a healthy backend out (>= 1). */
  readonly unhealthy: number;
  /** Consecutive passes that put an unhealthy backend back (>= 1). */
  readonly healthy: number;
}

export interface HealthState {
  /** 1 while the backend is in rotation; doubles as the `usable` mask of the policies. */
  readonly healthy: Uint8Array;
  /** Consecutive results contradicting the current state. */
  readonly streak: Int32Array;
}

/** Every backend starts healthy, as a load balancer trusts its configured servers at start. */
export function healthState(backends: number): HealthState {
  return { healthy: new Uint8Array(backends).fill(1), streak: new Int32Array(backends) };
}

/** Record one check of backend `i`; returns true when its state flips. */
export function recordCheck(s: HealthState, i: number, passed: boolean, t: HealthThresholds): boolean {
  const healthy = s.healthy[i] === 1;
  if (passed === healthy) {
    s.streak[i] = 0;
    return false;
  }
  const streak = s.streak[i]! + 1;
  if (streak < (healthy ? t.unhealthy : t.healthy)) {
    s.streak[i] = streak;
    return false;
  }
  s.healthy[i] = healthy ? 0 : 1;
  s.streak[i] = 0;
  return true;
}
