/**
 * What an eviction policy is: an ordering of a cache's slots (0..n−1) that the store tells
 * about every fill, read and removal, and asks for a victim when it is full. The store owns
 * keys and expiry; a policy owns only its per-slot bookkeeping, so each one is a small
 * engine-free structure testable on a hand-made sequence of slot events.
 */

export interface EvictionPolicy {
  /** The policy's name as written in the model (lru, lfu, random). */
  readonly name: string;
  /** Make room for slots 0..slots−1 (the store grows its arrays as entries arrive). */
  resize(slots: number): void;
  /** A new entry was stored in `slot`. */
  added(slot: number): void;
  /** The entry in `slot` was read (a hit) or overwritten. */
  touched(slot: number): void;
  /** The entry in `slot` is gone (deleted, expired or evicted). */
  removed(slot: number): void;
  /** The slot to evict. Called only when every slot 0..capacity−1 holds an entry. */
  victim(): number;
}

/** Copy `old` into a new array of `length` (typed arrays do not grow in place). */
export function grown<A extends Int32Array | Float64Array>(old: A, length: number): A {
  const next = new (old.constructor as new (n: number) => A)(length);
  next.set(old);
  return next;
}
