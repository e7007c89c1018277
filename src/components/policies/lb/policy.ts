/**
 * The load-balancing policy contract. A policy is a pure function choosing one backend among
 * the usable ones (nginx's `ngx_http_upstream_get_peer` in miniature): it reads each backend's
 * load and weight, may keep memory in an `LbState` between picks, and draws randomness only
 * from the stream it is given. Backends that are down are masked out, never removed, so a
 * policy's per-backend memory (cursor, smooth weights) survives a backend going down and up.
 */
import type { RandomStream } from '../../../engine/types.js';

/** What a policy reads of a backend (a contracts.ts `Backend` satisfies it). */
export interface LbTarget {
  /** Requests in progress on it. */
  readonly active: number;
  /** Relative weight (> 0). */
  readonly weight: number;
}

/** Memory a policy keeps between picks, one per backend list; stateless policies ignore it. */
export interface LbState {
  /** Round-robin position: where the next scan starts. */
  cursor: number;
  /** Smooth weighted round robin's current weights, one per backend. */
  readonly current: Float64Array;
}

/**
 * Choose a backend: an index i into `backends` with `usable[i] === 1`, or -1 when none is
 * usable. `usable` has one entry per backend. `key` is the request's key value (read by the
 * hash policy only).
 */
export type LbPolicy = (
  backends: readonly LbTarget[],
  usable: Uint8Array,
  state: LbState,
  rng: RandomStream,
  key: number,
) => number;

export function lbState(backends: number): LbState {
  return { cursor: 0, current: new Float64Array(backends) };
}

/** Number of usable backends. */
export function countUsable(usable: Uint8Array): number {
  let k = 0;
  for (let i = 0; i < usable.length; i++) k += usable[i]!;
  return k;
}

/** Index of the r-th (0-based) usable backend, or -1 when there are not that many. */
export function nthUsable(usable: Uint8Array, r: number): number {
  for (let i = 0; i < usable.length; i++) {
    if (usable[i] === 1 && r-- === 0) return i;
  }
  return -1;
}

/** Is backend a less loaded than b relative to their weights (a.active/a.weight < b.active/b.weight)?
 * Cross-multiplied so that weights never divide (and integer loads compare exactly). */
export function lessLoaded(a: LbTarget, b: LbTarget): boolean {
  return a.active * b.weight < b.active * a.weight;
}
