/**
 * Random eviction (Redis `allkeys-random`): evict a uniformly chosen entry. It keeps no
 * order at all, so reads cost nothing; under independent requests its hit ratio equals
 * FIFO's. The victim is drawn from the cache's own stream, passed in.
 */
import type { RandomStream } from '../../../engine/types.js';
import type { EvictionPolicy } from './policy.js';

export class RandomPolicy implements EvictionPolicy {
  readonly name = 'random';
  private slots = 0;

  constructor(private readonly rng: RandomStream) {}

  resize(slots: number): void {
    this.slots = slots;
  }

  added(_slot: number): void {}
  touched(_slot: number): void {}
  removed(_slot: number): void {}

  victim(): number {
    // the store asks only when full, so every slot below `slots` holds an entry
    return Math.floor(this.rng.next() * this.slots);
  }
}
