/**
 * Hash: sticky sessions — the same key value always goes to the same backend while it is up.
 * The key is hashed with murmur3's 32-bit finalizer (fmix32, Appleby), a bijection on 32-bit
 * integers with full avalanche, so consecutive user ids spread evenly; backend = hash mod n.
 * If that backend is down the next usable one in list order takes the key (linear probing),
 * and it comes back when the backend does. Modulo hashing remaps most keys when n changes;
 * consistent hashing (for shards) is a separate policy.
 */
import type { LbPolicy } from './policy.js';

/** murmur3 fmix32 of a 32-bit integer, as an unsigned 32-bit integer. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of a non-negative integer key below 2^53: the high word is folded in, so keys that
 * differ only above bit 32 (other key namespaces) still hash apart. */
export function hashKey(key: number): number {
  const hi = Math.floor(key / 4294967296);
  return fmix32((key >>> 0) ^ fmix32(hi + 0x9e3779b9));
}

export const hashed: LbPolicy = (backends, usable, _state, _rng, key) => {
  const n = backends.length;
  if (n === 0) return -1;
  const home = hashKey(key) % n;
  for (let k = 0; k < n; k++) {
    const i = (home + k) % n;
    if (usable[i] === 1) return i;
  }
  return -1;
};
