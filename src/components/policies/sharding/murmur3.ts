/**
 * MurmurHash3_x86_32 (Austin Appleby, public domain), the named hash of shard routing: the
 * same 32-bit result on every run and platform, so a key's shard never depends on the seed.
 * `murmur3Text` hashes a string's UTF-8 bytes (ring points such as `db2#17`); `murmur3Key`
 * hashes a key value as its 4 little-endian bytes (keys are whole numbers below 2^32).
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const encoder = new TextEncoder();

function mixK(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH(h: number, k: number): number {
  h ^= mixK(k);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3_32 of `bytes` with `seed`, as an unsigned 32-bit integer. */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  let h = seed | 0;
  const blocks = bytes.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    h = mixH(h, bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
  }
  const tail = bytes.length & 3;
  if (tail > 0) {
    let k = bytes[blocks]!;
    if (tail > 1) k |= bytes[blocks + 1]! << 8;
    if (tail > 2) k |= bytes[blocks + 2]! << 16;
    h ^= mixK(k);
  }
  return fmix(h, bytes.length);
}

/** murmur3_32 of a string's UTF-8 bytes. */
export function murmur3Text(text: string, seed = 0): number {
  return murmur3(encoder.encode(text), seed);
}

/** murmur3_32 of a key in [0, 2^32) as 4 little-endian bytes — allocation-free for the hot path. */
export function murmur3Key(key: number, seed = 0): number {
  if (!(key >= 0 && key < 4294967296) || !Number.isInteger(key)) {
    throw new RangeError(`murmur3Key: key must be a whole number in [0, 2^32) (got ${key})`);
  }
  return fmix(mixH(seed | 0, key | 0), 4);
}
