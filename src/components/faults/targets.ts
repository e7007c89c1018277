/**
 * What a fault needs from its target, as capabilities (like contracts.ts): the database, the
 * cache and the CDN implement the ones that apply to them. A crash needs nothing new — an
 * app instance's `up` flag already makes it refuse requests and fail health checks.
 */
import type { Backend, BackendGroup } from '../contracts.js';

/** Loses every entry at once; returns how many it held. */
export interface Flushable {
  flush(): number;
}

/** Takes `seconds` longer per operation (negative to take it back). */
export interface Slowable {
  addLatency(seconds: number): void;
}

/** A primary that can be failing over: writes refused while unavailable. */
export interface WriteFailover {
  setWritesAvailable(available: boolean): void;
}

/** A database whose read replicas can stop (0-based index). */
export interface ReplicaSwitch {
  setReplicaUp(index: number, up: boolean): void;
}

/** An instance whose `up` flag can be set (AppInstance's is a plain field). */
export type Crashable = Backend & { up: boolean };

export function has<T>(x: unknown, method: keyof T & string): x is T {
  return typeof (x as Record<string, unknown> | null)?.[method] === 'function';
}

export function isGroup(x: unknown): x is BackendGroup {
  return has<BackendGroup>(x, 'backends');
}
