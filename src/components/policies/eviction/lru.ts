/**
 * Least recently used: evict the entry untouched for longest. An intrusive doubly linked
 * list over typed arrays (head = least recent, tail = most recent) makes every operation
 * O(1) with no allocation; measured 2–4× faster than re-inserting into a `Map` in
 * insertion order, whose first key gets slow to reach after many deletions.
 */
import { grown, type EvictionPolicy } from './policy.js';

export class LruPolicy implements EvictionPolicy {
  readonly name = 'lru';
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private head = -1;
  private tail = -1;

  resize(slots: number): void {
    this.prev = grown(this.prev, slots);
    this.next = grown(this.next, slots);
  }

  added(slot: number): void {
    this.append(slot);
  }

  touched(slot: number): void {
    if (slot === this.tail) return;
    this.unlink(slot);
    this.append(slot);
  }

  removed(slot: number): void {
    this.unlink(slot);
  }

  victim(): number {
    return this.head;
  }

  /** Slots from least to most recently used (for tests and `explain`). */
  order(): number[] {
    const out: number[] = [];
    for (let s = this.head; s >= 0; s = this.next[s]!) out.push(s);
    return out;
  }

  private append(slot: number): void {
    this.prev[slot] = this.tail;
    this.next[slot] = -1;
    if (this.tail >= 0) this.next[this.tail] = slot;
    else this.head = slot;
    this.tail = slot;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot]!;
    const n = this.next[slot]!;
    if (p >= 0) this.next[p] = n;
    else this.head = n;
    if (n >= 0) this.prev[n] = p;
    else this.tail = p;
  }
}
