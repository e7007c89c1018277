/**
 * A load balancer's list of backends (its primaries, or its backups) with what it keeps per
 * backend: health-check state, policy memory, requests routed. When an autoscaled tier
 * changes its instances the list is rebuilt, carrying that state over for the backends that
 * stay, so a resize neither resets health verdicts nor the rotation.
 */
import type { Backend } from '../contracts.js';
import { healthState, type HealthState } from '../policies/lb/health.js';
import { lbState, type LbState } from '../policies/lb/policy.js';

/** One list of backends (the primaries, or the backups) with its policy memory and counters. */
export interface BackendSet {
  readonly backends: readonly Backend[];
  /** 1 where the policy may pick: the health checks' verdict, or `up` when there are none. */
  readonly usable: Uint8Array;
  readonly health: HealthState | null;
  readonly state: LbState;
  readonly routed: Float64Array;
}

/** A fresh set: every backend healthy, nothing routed yet. */
export function backendSet(backends: readonly Backend[], health: boolean): BackendSet {
  const h = health ? healthState(backends.length) : null;
  return {
    backends,
    usable: h !== null ? h.healthy : new Uint8Array(backends.length),
    health: h,
    state: lbState(backends.length),
    routed: new Float64Array(backends.length),
  };
}

/** The set for `backends`, with what `old` knew of the backends still listed. */
export function carryOver(old: BackendSet, backends: readonly Backend[], health: boolean, gone: Map<string, number>): BackendSet {
  const next = backendSet(backends, health);
  next.state.cursor = backends.length > 0 ? old.state.cursor % backends.length : 0;
  old.backends.forEach((b, i) => {
    const j = backends.indexOf(b);
    if (j < 0) {
      gone.set(b.name, (gone.get(b.name) ?? 0) + old.routed[i]!);
      return;
    }
    next.routed[j] = old.routed[i]!;
    next.state.current[j] = old.state.current[i]!;
    if (next.health !== null && old.health !== null) {
      next.health.healthy[j] = old.health.healthy[i]!;
      next.health.streak[j] = old.health.streak[i]!;
    }
  });
  return next;
}
