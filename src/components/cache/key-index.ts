/**
 * Cache key → slot, an open-addressing hash table over typed arrays (linear probing,
 * backward-shift deletion, so no tombstones pile up). Cache keys are doubles above 2^32
 * (namespace × 2^32 + key value, see flow/keys.ts), which a `Map` stores as heap numbers:
 * measured on Zipf workloads this table is 2–4× faster than a `Map<number, number>`.
 * It grows by doubling, so memory follows the entries actually held.
 */
const SPACE = 2 ** 32;
const EMPTY = -1;

/** murmur3's 32-bit finaliser over both halves of the key: every input bit reaches every output bit. */
function hash(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / SPACE) | 0, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class KeyIndex {
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(initial = 16) {
    let n = 16;
    while (n < initial * 2) n *= 2;
    this.keys = new Float64Array(n);
    this.slots = new Int32Array(n).fill(EMPTY);
    this.mask = n - 1;
  }

  /** Table length (for memory checks): a power of two, at most ~3× the entries held. */
  get tableSize(): number {
    return this.mask + 1;
  }

  /** The slot stored for `key`, or −1. */
  get(key: number): number {
    const m = this.mask;
    for (let i = hash(key) & m; ; i = (i + 1) & m) {
      const s = this.slots[i]!;
      if (s === EMPTY || this.keys[i] === key) return s;
    }
  }

  /** Store `key → slot` (slot >= 0), replacing any previous slot for the key. */
  set(key: number, slot: number): void {
    // keep the load factor at or below 2/3 so probe runs stay short
    if ((this.size + 1) * 3 > this.mask * 2) this.rehash((this.mask + 1) * 2);
    const m = this.mask;
    let i = hash(key) & m;
    for (; this.slots[i] !== EMPTY; i = (i + 1) & m) {
      if (this.keys[i] === key) {
        this.slots[i] = slot;
        return;
      }
    }
    this.keys[i] = key;
    this.slots[i] = slot;
    this.size++;
  }

  /** Remove `key`; false if it was absent. */
  delete(key: number): boolean {
    const m = this.mask;
    let i = hash(key) & m;
    for (;; i = (i + 1) & m) {
      if (this.slots[i] === EMPTY) return false;
      if (this.keys[i] === key) break;
    }
    this.size--;
    // backward shift: pull later entries of the probe run into the hole when their home
    // position does not lie cyclically in (hole, j], so every entry stays reachable
    for (let j = (i + 1) & m; this.slots[j] !== EMPTY; j = (j + 1) & m) {
      const home = hash(this.keys[j]!) & m;
      const reachable = i <= j ? home > i && home <= j : home > i || home <= j;
      if (reachable) continue;
      this.keys[i] = this.keys[j]!;
      this.slots[i] = this.slots[j]!;
      i = j;
    }
    this.slots[i] = EMPTY;
    return true;
  }

  private rehash(length: number): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Float64Array(length);
    this.slots = new Int32Array(length).fill(EMPTY);
    this.mask = length - 1;
    this.size = 0;
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] !== EMPTY) this.set(keys[i]!, slots[i]!);
    }
  }
}
