/**
 * Log-linear bucket indexing for non-negative doubles, read straight from the IEEE-754 bits:
 * the index is the exponent followed by the top SUB_BITS bits of the mantissa, so each
 * power of two splits into 2^SUB_BITS equal buckets. No Math.log on the hot path, and the
 * index is monotone in the value, so index + 1 is always the next bucket up.
 */

/** Mantissa bits kept per bucket: 128 buckets per octave, bucket width <= 1/128 of its lower edge. */
export const SUB_BITS = 7;

/** The largest relative error of a bucket's representative value against anything in the bucket:
 * with U/L <= 1 + 2^-SUB_BITS and representative 2LU/(L+U), it is (U-L)/(U+L) <= 1/(2^(SUB_BITS+1)+1). */
export const RELATIVE_ERROR = 1 / (2 ** (SUB_BITS + 1) + 1);

/** Smallest positive normal double; below it the bit layout is not log-linear, so such values
 * share the zero bucket (absolute error < 2.3e-308 s). */
export const MIN_NORMAL = 2 ** -1022;

/** Shift of the high 32-bit word that leaves exponent and top mantissa bits (20 mantissa bits live there). */
const SHIFT = 20 - SUB_BITS;

// One shared scratch double, viewed as two 32-bit words; which word is high depends on endianness.
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1; // high word of 1.0 is 0x3ff00000, low word is 0
const HI = U32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

/** Bucket index of a positive normal double `x` (caller guarantees MIN_NORMAL <= x < Infinity). */
export function bucketIndex(x: number): number {
  F64[0] = x;
  return U32[HI]! >>> SHIFT;
}

/** Lower edge of bucket `index` (the smallest double whose bucket it is). */
export function bucketLower(index: number): number {
  U32[HI] = index << SHIFT;
  U32[LO] = 0;
  return F64[0]!;
}

/** The value reported for bucket `index`: the point minimising the worst relative error over
 * [lower, upper), i.e. the harmonic mean of the edges, 2LU/(L+U), written so that L·U cannot
 * underflow or overflow. The top finite bucket has upper = Infinity. */
export function bucketValue(index: number): number {
  const lower = bucketLower(index);
  const upper = bucketLower(index + 1);
  return upper === Infinity ? lower : lower * (2 / (1 + lower / upper));
}
