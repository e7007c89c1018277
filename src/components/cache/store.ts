/**
 * The entries of one cache node: at most `capacity` keys, each with an expiry time, in slots
 * whose order an eviction policy keeps. Lookups find expired entries, remove them and call
 * them misses (lazy expiry, as Redis and Memcached do on access), so a TTL costs nothing
 * until a key is read. Arrays grow by doubling up to `capacity`: memory follows the entries
 * actually held, and never exceeds capacity whatever the number of distinct keys seen.
 */
import { TimeWeighted } from '../../engine/stats/time-weighted.js';
import { grown, type EvictionPolicy } from '../policies/eviction/policy.js';
import { KeyIndex } from './key-index.js';

const INITIAL_SLOTS = 64;

export class CacheStore {
  private readonly index: KeyIndex;
  private keys = new Float64Array(0);
  private expires = new Float64Array(0);
  /** Slots emptied by deletes and expiries, reused before any eviction. */
  private free = new Int32Array(0);
  private freeCount = 0;
  /** Slots handed out so far; every slot below it is either held or on the free stack. */
  private allocated = 0;
  size = 0;

  // statistics since the last reset (warm-up deletion)
  hits = 0;
  misses = 0;
  expirations = 0;
  evictions = 0;
  sets = 0;
  deletes = 0;
  /** Entries held over time (its mean is the report's mean_entries). */
  readonly entries: TimeWeighted;

  /** `statsSince`: when the statistics window began (a store may be created mid-run). */
  constructor(readonly capacity: number, private readonly policy: EvictionPolicy, statsSince = 0) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`cache store: capacity must be a whole number >= 1 (got ${capacity})`);
    }
    this.entries = new TimeWeighted(statsSince);
    this.index = new KeyIndex(Math.min(capacity, INITIAL_SLOTS));
  }

  /** Slots allocated: at most `capacity` (the memory bound). */
  get slots(): number {
    return this.keys.length;
  }

  /** Length of the key index's table (a power of two within ~3× the entries held). */
  get tableSize(): number {
    return this.index.tableSize;
  }

  /** True on a hit. An expired entry is removed and counts as a miss (and an expiration). */
  get(key: number, now: number): boolean {
    const slot = this.index.get(key);
    if (slot < 0) {
      this.misses++;
      return false;
    }
    if (this.expires[slot]! <= now) {
      this.expirations++;
      this.misses++;
      this.drop(slot, key, now);
      return false;
    }
    this.hits++;
    this.policy.touched(slot);
    return true;
  }

  /** Whether `key` holds a live entry, without counting or touching it (tests, `explain`). */
  has(key: number, now: number): boolean {
    const slot = this.index.get(key);
    return slot >= 0 && this.expires[slot]! > now;
  }

  /** Store `key` until `expiresAt` (Infinity: no TTL), evicting per policy when full. */
  set(key: number, expiresAt: number, now: number): void {
    this.sets++;
    let slot = this.index.get(key);
    if (slot >= 0) {
      this.expires[slot] = expiresAt;
      this.policy.touched(slot);
      return;
    }
    slot = this.emptySlot(now);
    this.keys[slot] = key;
    this.expires[slot] = expiresAt;
    this.index.set(key, slot);
    this.policy.added(slot);
    this.size++;
    this.entries.set(now, this.size);
  }

  /** Invalidate `key`; false if it was not cached. */
  delete(key: number, now: number): boolean {
    this.deletes++;
    const slot = this.index.get(key);
    if (slot < 0) return false;
    this.drop(slot, key, now);
    return true;
  }

  /** Drop every entry (a flush: FLUSHALL, a restart, a CDN purge); returns how many were held.
   * Not counted as deletes or evictions: the caller reports flushes itself. */
  clear(now: number): number {
    const held = this.size;
    const isFree = new Uint8Array(this.allocated);
    for (let i = 0; i < this.freeCount; i++) isFree[this.free[i]!] = 1;
    for (let slot = 0; slot < this.allocated; slot++) {
      if (isFree[slot] === 0) this.drop(slot, this.keys[slot]!, now);
    }
    return held;
  }

  resetStats(now: number): void {
    this.hits = this.misses = this.expirations = this.evictions = this.sets = this.deletes = 0;
    this.entries.reset(now);
  }

  private emptySlot(now: number): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.allocated < this.capacity) {
      if (this.allocated === this.keys.length) this.grow();
      return this.allocated++;
    }
    // full: every slot holds an entry, so the policy's victim makes the room
    const victim = this.policy.victim();
    this.evictions++;
    this.drop(victim, this.keys[victim]!, now);
    return this.free[--this.freeCount]!;
  }

  private drop(slot: number, key: number, now: number): void {
    this.index.delete(key);
    this.policy.removed(slot);
    this.free[this.freeCount++] = slot;
    this.size--;
    this.entries.set(now, this.size);
  }

  private grow(): void {
    const n = Math.min(this.capacity, Math.max(INITIAL_SLOTS, this.keys.length * 2));
    this.keys = grown(this.keys, n);
    this.expires = grown(this.expires, n);
    this.free = grown(this.free, n);
    this.policy.resize(n);
  }
}
