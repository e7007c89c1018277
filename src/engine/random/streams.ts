/**
 * Named seeded random streams. Every draw in a run comes from a stream derived from
 * (master seed, stream name) alone, so adding a component never shifts another component's
 * draws and strategies compared under one seed see common random numbers.
 *
 * Derivation (changing it changes every golden result): the seed string is
 * `${masterSeed}\u0000${name}`, fed to seedrandom's **tychei** generator (Neves & Araujo's
 * Tyche-i, 128-bit state, reported to pass BigCrush), and `next()` is exactly tychei's
 * `double()`: 53 random bits, in (0, 1), so exponential/Pareto tails reach 2^-53
 * (an exponential draw can be as large as 36.7 means). A test pins this to seedrandom itself.
 *
 * Why tychei, measured with bench/random.ts (Node 20, shared 2-core box, 8 streams sharing
 * one call site as components do): this class, a port of tychei's step seeded by seedrandom
 * and bit-identical to it, draws 53-bit uniforms at ~130 M/s (~8 ns), against seedrandom's
 * own double() at 87 M/s (alea), 74 (xor128), 54 (tychei), 50 (xorwow), 47 (xor4096) and
 * 44 (xorshift7). Only alea's 32-bit quick() is faster (~4 ns), but 32 bits cut exponential
 * tails at 22 means. Quality: tychei, alea, xorshift7 and xor4096 are reported to pass
 * BigCrush; xor128 and xorwow fail some tests. Tychei seeds by absorbing the string one
 * round per character plus 20 rounds; adjacent names tested independent (streams.test.ts).
 */
import tychei from 'seedrandom/lib/tychei.js';
import type { RandomStream } from '../types.js';

/** The string a stream is seeded with; exported so tools can show or reproduce it. */
export function streamSeed(masterSeed: string | number, name: string): string {
  return `${checkMaster(masterSeed)}\u0000${name}`;
}

/** The stream for `name` under `masterSeed`. Equal arguments give identical sequences. */
export function createStream(masterSeed: string | number, name: string): RandomStream {
  if (typeof name !== 'string') throw new TypeError(`stream name must be a string (got ${typeof name})`);
  return new TycheiStream(name, streamSeed(masterSeed, name));
}

/**
 * A new master seed derived from `master` and `parts` (e.g. `deriveSeed(42, 'rep', 3)` for
 * replication 3): 16 hex digits drawn from a tychei generator seeded with the parts joined
 * by U+0001. That string holds no U+0000, so it never equals a stream's seed string.
 */
export function deriveSeed(master: string | number, ...parts: (string | number)[]): string {
  const all = [master, ...parts].map(checkMaster);
  if (all.some((p) => p.includes('\u0001'))) throw new RangeError('deriveSeed: parts must not contain U+0001');
  const g = new TycheiStream('deriveSeed', all.join('\u0001'));
  return hex8(g.int32()) + hex8(g.int32());
}

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

function checkMaster(seed: string | number): string {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string (got ${seed})`);
  }
  if (typeof seed !== 'number' && typeof seed !== 'string') {
    throw new TypeError(`seed must be a finite number or a string (got ${typeof seed})`);
  }
  const s = String(seed);
  // A NUL inside a seed would let (master, name) pairs collide: ("a\0b", "c") vs ("a", "b\0c").
  if (s.includes('\u0000')) throw new RangeError(`seed must not contain U+0000 (got ${JSON.stringify(s)})`);
  return s;
}

/**
 * seedrandom's tychei, one step per `int32()`, with the state in own fields so the engine's
 * hot call sites stay monomorphic (all streams share this class). Mutates in place by design.
 */
export class TycheiStream implements RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly name: string, seedString: string) {
    const s = tychei(seedString, { state: true }).state();
    this.a = s.a;
    this.b = s.b;
    this.c = s.c;
    this.d = s.d;
  }

  /** One Tyche-i round: 32 random bits as a signed int32. */
  int32(): number {
    let a = this.a, b = this.b, c = this.c, d = this.d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    return (this.a = (a - b) | 0);
  }

  /** 21 high bits of one round plus 32 of the next: a uniform in (0, 1) on a 2^-53 grid. */
  next(): number {
    const r = ((this.int32() >>> 11) + (this.int32() >>> 0) / 0x100000000) / 0x200000;
    // seedrandom redraws an exact 0 (probability 2^-53); a tail call keeps the hot path loop-free.
    return r === 0 ? this.next() : r;
  }
}
