/**
 * Least frequently used: evict the entry read least often, the least recent among equals.
 * O(1) per operation: one linked list of slots ordered by (reads, recency), plus the last
 * slot of each read-count bucket, so a read moves its slot just past the end of the next
 * bucket (Shah, Mitra & Matani's constant-time LFU, flattened into one list).
 * Counts start at 1 when an entry is stored and are forgotten when it leaves.
 */
import { grown, type EvictionPolicy } from './policy.js';

export class LfuPolicy implements EvictionPolicy {
  readonly name = 'lfu';
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  // a double: one hot key can be read more than 2^31 times in a long run
  private count = new Float64Array(0);
  /** Read count → last slot in the list with that count (only non-empty buckets). */
  private readonly bucketEnd = new Map<number, number>();
  private head = -1;

  resize(slots: number): void {
    this.prev = grown(this.prev, slots);
    this.next = grown(this.next, slots);
    this.count = grown(this.count, slots);
  }

  added(slot: number): void {
    this.count[slot] = 1;
    // count 1 is the lowest, so a new entry goes after the other 1s, or first
    this.insertAfter(this.bucketEnd.get(1) ?? -1, slot);
    this.bucketEnd.set(1, slot);
  }

  touched(slot: number): void {
    const f = this.count[slot]!;
    this.leaveBucket(slot, f);
    const anchor = this.bucketEnd.get(f + 1) ?? this.bucketEnd.get(f) ?? this.prev[slot]!;
    if (anchor !== this.prev[slot]) {
      this.unlink(slot);
      this.insertAfter(anchor, slot);
    }
    this.count[slot] = f + 1;
    this.bucketEnd.set(f + 1, slot);
  }

  removed(slot: number): void {
    this.leaveBucket(slot, this.count[slot]!);
    this.unlink(slot);
  }

  victim(): number {
    return this.head;
  }

  /** Slots from first to last evicted, with their read counts (for tests and `explain`). */
  order(): { slot: number; count: number }[] {
    const out: { slot: number; count: number }[] = [];
    for (let s = this.head; s >= 0; s = this.next[s]!) out.push({ slot: s, count: this.count[s]! });
    return out;
  }

  /** If `slot` ends its bucket, the bucket now ends at its predecessor (or is empty). */
  private leaveBucket(slot: number, f: number): void {
    if (this.bucketEnd.get(f) !== slot) return;
    const p = this.prev[slot]!;
    if (p >= 0 && this.count[p] === f) this.bucketEnd.set(f, p);
    else this.bucketEnd.delete(f);
  }

  private insertAfter(anchor: number, slot: number): void {
    const n = anchor >= 0 ? this.next[anchor]! : this.head;
    this.prev[slot] = anchor;
    this.next[slot] = n;
    if (anchor >= 0) this.next[anchor] = slot;
    else this.head = slot;
    if (n >= 0) this.prev[n] = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot]!;
    const n = this.next[slot]!;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
  }
}
