/**
 * The serialised form of a LatencyHistogram: plain, structured-cloneable data for worker
 * threads and result files. Bucket counts are run-length encoded (a negative entry -k stands
 * for k empty buckets) and trimmed, so equal histograms always serialise to equal JSON.
 */
import { SUB_BITS } from './log-buckets.js';

/** One past the bucket index of the largest finite double. */
const END_INDEX = 2047 << SUB_BITS;

export interface LatencyHistogramJSON {
  readonly format: 'stacksim.latency-histogram';
  /** Mantissa bits per bucket; a histogram only reads data written with its own resolution. */
  readonly subBits: number;
  readonly count: number;
  /** Values below 2^-1022 s, zero included. */
  readonly zeros: number;
  readonly sum: number;
  /** null when count is 0. */
  readonly min: number | null;
  readonly max: number | null;
  /** Bucket index of counts' first entry. */
  readonly start: number;
  readonly counts: readonly number[];
}

/** Trimmed, run-length encoded copy of `counts` whose first entry is bucket `offset`. */
export function encodeCounts(counts: Float64Array, offset: number): { start: number; counts: number[] } {
  let first = 0;
  let last = counts.length - 1;
  while (first <= last && counts[first] === 0) first++;
  while (last >= first && counts[last] === 0) last--;
  const out: number[] = [];
  let run = 0;
  for (let i = first; i <= last; i++) {
    const c = counts[i]!;
    if (c === 0) {
      run++;
      continue;
    }
    if (run > 0) out.push(-run);
    run = 0;
    out.push(c);
  }
  return { start: first <= last ? offset + first : 0, counts: out };
}

/** Dense counts from the run-length form (validated by readHistogramJSON). */
export function decodeCounts(encoded: readonly number[]): Float64Array {
  let length = 0;
  for (const c of encoded) length += c < 0 ? -c : 1;
  const dense = new Float64Array(length);
  let i = 0;
  for (const c of encoded) {
    if (c < 0) i -= c;
    else dense[i++] = c;
  }
  return dense;
}

/** Check that `data` is a well-formed LatencyHistogramJSON, naming the first bad field. */
export function readHistogramJSON(data: unknown): LatencyHistogramJSON {
  if (typeof data !== 'object' || data === null) fail('data', data, 'an object from LatencyHistogram.toJSON()');
  const d = data as Record<string, unknown>;
  if (d.format !== 'stacksim.latency-histogram') fail('format', d.format, "'stacksim.latency-histogram'");
  if (d.subBits !== SUB_BITS) fail('subBits', d.subBits, String(SUB_BITS));
  const count = wholeNumber(d, 'count');
  const zeros = wholeNumber(d, 'zeros');
  const start = wholeNumber(d, 'start');
  if (typeof d.sum !== 'number' || !(d.sum >= 0 && d.sum < Infinity)) fail('sum', d.sum, 'a finite number >= 0');
  const empty = count === 0;
  for (const key of ['min', 'max'] as const) {
    const v = d[key];
    const ok = empty ? v === null : typeof v === 'number' && v >= 0 && v < Infinity;
    if (!ok) fail(key, v, empty ? 'null (count is 0)' : 'a finite number >= 0');
  }
  if (!empty && (d.min as number) > (d.max as number)) fail('min', d.min, `a number <= max (${String(d.max)})`);
  if (!Array.isArray(d.counts)) fail('counts', d.counts, 'an array of integers');
  let total = zeros;
  let length = 0;
  for (const [i, c] of (d.counts as unknown[]).entries()) {
    if (!Number.isSafeInteger(c) || c === 0) fail(`counts[${i}]`, c, 'a non-zero integer');
    if ((c as number) > 0) total += c as number;
    length += (c as number) < 0 ? -(c as number) : 1;
  }
  if (total !== count) fail('count', count, `zeros + sum of positive counts (${total})`);
  if (start + length > END_INDEX) fail('start', start, `an index with start + bucket count <= ${END_INDEX}`);
  return d as unknown as LatencyHistogramJSON;
}

function wholeNumber(d: Record<string, unknown>, key: string): number {
  const v = d[key];
  if (!Number.isSafeInteger(v) || (v as number) < 0) fail(key, v, 'an integer >= 0');
  return v as number;
}

function fail(field: string, value: unknown, allowed: string): never {
  throw new RangeError(`LatencyHistogram.fromJSON: ${field} must be ${allowed}, got ${JSON.stringify(value)}`);
}
