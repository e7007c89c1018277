/**
 * The eviction policies a cache can name in the model, and the factory the cache uses.
 * Adding one: a file here implementing EvictionPolicy, plus a line in each list below.
 */
import type { RandomStream } from '../../../engine/types.js';
import { LfuPolicy } from './lfu.js';
import { LruPolicy } from './lru.js';
import type { EvictionPolicy } from './policy.js';
import { RandomPolicy } from './random.js';

export type { EvictionPolicy } from './policy.js';
export { LfuPolicy, LruPolicy, RandomPolicy };

export const EVICTION_POLICIES = ['lru', 'lfu', 'random'] as const;
export type EvictionName = (typeof EVICTION_POLICIES)[number];

/** A fresh policy; `rng` is used only by policies that draw (random). */
export function evictionPolicy(name: EvictionName, rng: RandomStream): EvictionPolicy {
  switch (name) {
    case 'lru': return new LruPolicy();
    case 'lfu': return new LfuPolicy();
    case 'random': return new RandomPolicy(rng);
  }
}
