/**
 * Key generators fill the placeholders of a path template (`/users/{id}`): which user a
 * request touches decides cache hits and shard load, so popularity is part of the workload.
 * Each draw takes the caller's seeded uniform source, so a run's key sequence is reproducible.
 */
import seedrandom from 'seedrandom';
import { zipf } from '../../engine/random/zipf.js';
import type { RandomStream } from '../../engine/types.js';
import { fail, positive, positiveInt } from './check.js';

/** A named uniform source in [0, 1): the engine's stream interface. */
export type Rng = RandomStream;

/** The driver's own stream `${seed}/${name}` (seedrandom's Alea: fast, reproducible). */
export function driverStream(seed: string, name: string): Rng {
  const full = `${seed}/${name}`;
  return { name: full, next: seedrandom.alea(full) };
}

export interface KeyGenerator {
  /** Plain description for the result JSON, e.g. { kind: 'zipf', s: 1.1, n: 1000 }. */
  readonly describe: Readonly<Record<string, string | number>>;
  next(rng: Rng): number | string;
}

/** Integers drawn uniformly from [min, max]. */
export function uniformKeys(min: number, max: number): KeyGenerator {
  if (!Number.isSafeInteger(min)) fail('uniformKeys min', min, 'an integer');
  if (!Number.isSafeInteger(max) || max < min) fail('uniformKeys max', max, `an integer >= min (${min})`);
  const span = max - min + 1;
  return { describe: { kind: 'uniform', min, max }, next: (rng) => min + Math.floor(rng.next() * span) };
}

/** start, start+1, …: unique keys, e.g. for registering fresh users. Ignores the rng. */
export function sequentialKeys(start = 1): KeyGenerator {
  if (!Number.isSafeInteger(start)) fail('sequentialKeys start', start, 'an integer');
  let next = start;
  return { describe: { kind: 'sequential', start }, next: () => next++ };
}

/** One of `values`, uniformly. */
export function choiceKeys(values: readonly (string | number)[]): KeyGenerator {
  if (!Array.isArray(values) || values.length === 0) fail('choiceKeys values', values, 'a non-empty array');
  const n = values.length;
  return { describe: { kind: 'choice', count: n }, next: (rng) => values[Math.floor(rng.next() * n)]! };
}

/** Largest n accepted; the sampler itself (engine/random/zipf.ts) needs no table. */
const MAX_ZIPF_N = 1e12;

/**
 * Zipf(s, n) popularity: key k (offset..offset+n-1, in rank order) is drawn with probability
 * proportional to 1/(k-offset+1)^s, by the engine's rejection-inversion sampler, which
 * needs O(1) memory however many keys there are.
 */
export function zipfKeys(s: number, n: number, offset = 1): KeyGenerator {
  positive('zipfKeys s', s);
  positiveInt('zipfKeys n', n, MAX_ZIPF_N);
  if (!Number.isSafeInteger(offset)) fail('zipfKeys offset', offset, 'an integer');
  const ranks = zipf(s, n);
  return { describe: { kind: 'zipf', s, n, offset }, next: (rng) => offset - 1 + ranks.sample(rng) };
}
