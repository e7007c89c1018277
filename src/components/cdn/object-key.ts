/**
 * Which edge object a request asks for: its endpoint plus the values of the key spaces the
 * model names for it (`key: asset` → one object per asset). The number packs the endpoint
 * above 2^32 and the key below it, so one key space is exact; several are mixed into 32
 * bits with murmur3's finaliser — a collision merges two objects, about n²/2^33 pairs among
 * n objects (one in ten thousand objects at a million), far below any hit-ratio effect.
 */
const SPACE = 2 ** 32;

export interface ObjectClass {
  /** Seconds an object lives at the edge once stored. */
  readonly ttl: number;
  /** Key-space indexes identifying the object; empty: one object per endpoint. */
  readonly spaces: readonly number[];
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The object key of a request to `endpoint` carrying `keys`. */
export function objectKey(endpoint: number, cls: ObjectClass, keys: readonly number[]): number {
  const spaces = cls.spaces;
  const base = (endpoint + 1) * SPACE;
  if (spaces.length === 0) return base;
  if (spaces.length === 1) return base + keys[spaces[0]!]!;
  let h = 0x9747b28c;
  for (let i = 0; i < spaces.length; i++) h = mix(h ^ mix(keys[spaces[i]!]! >>> 0));
  return base + h;
}
