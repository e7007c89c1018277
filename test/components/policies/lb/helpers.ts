// Test helpers for load-balancing policies: backends as plain load/weight records, a usable
// mask, and a seeded stream, so each policy is exercised without an engine.
import { createStream } from '../../../../src/engine/random/streams.js';
import type { RandomStream } from '../../../../src/engine/types.js';
import type { LbTarget } from '../../../../src/components/policies/lb/policy.js';

export function targets(active: number[], weights?: number[]): LbTarget[] {
  return active.map((a, i) => ({ active: a, weight: weights?.[i] ?? 1 }));
}

export function mask(...flags: (0 | 1)[]): Uint8Array {
  return Uint8Array.from(flags);
}

export function all(n: number): Uint8Array {
  return new Uint8Array(n).fill(1);
}

export function rng(name = 'lb-test'): RandomStream {
  return createStream(7, name);
}
