/**
 * Key popularity as a short list of groups of equally likely keys, so cache and
 * read-your-writes estimates cost O(groups) instead of O(keys): a uniform space is one
 * group, a hot set two, and a Zipf space its first ranks one by one, then ranks binned
 * geometrically (bins 0.2% wide), which keeps n = 10^8 keys to a few thousand groups.
 */
import type { DistributionSpec } from '../engine/random/spec.js';
import { expm1OverX } from '../engine/random/harmonic.js';

/** `count` keys, each requested with probability `p`. */
export interface KeyGroup {
  readonly count: number;
  readonly p: number;
}

export type Popularity = readonly KeyGroup[];

/** Zipf ranks up to this one are groups of their own. */
const EXACT_HEAD = 10_000;
/** Beyond the head a bin spans ranks [a, a·BIN_RATIO]. */
const BIN_RATIO = 1.002;

/** One key that every request uses (a constant cache key, or a space without popularity). */
export const SINGLE_KEY: Popularity = [{ count: 1, p: 1 }];

export function popularityOf(spec: DistributionSpec | null): Popularity {
  if (spec === null) return SINGLE_KEY;
  const [kind, params] = Object.entries(spec)[0] as [string, Record<string, number>];
  switch (kind) {
    case 'uniform_int': {
      const count = params.max! - params.min! + 1;
      return [{ count, p: 1 / count }];
    }
    case 'zipf':
      return zipfGroups(params.s!, params.n!);
    case 'hotset':
      return hotsetGroups(params.n!, params.hot_fraction!, params.hot_weight!);
    default:
      throw new Error(`popularity: key spaces are uniform, zipf or hotset (got ${kind}; the schema should have refused it)`);
  }
}

/** The hot set as the sampler draws it (engine/random/discrete.ts): hot keys clamped to [1, n − 1]. */
export function hotsetGroups(n: number, hotFraction: number, hotWeight: number): Popularity {
  if (n === 1) return SINGLE_KEY;
  const hot = Math.min(n - 1, Math.max(1, Math.round(n * hotFraction)));
  return [
    { count: hot, p: hotWeight / hot },
    { count: n - hot, p: (1 - hotWeight) / (n - hot) },
  ].filter((g) => g.p > 0);
}

/** ∫_u^v x^(−s) dx, exact at s = 1 and without cancellation near it. */
function powerIntegral(u: number, v: number, s: number): number {
  const logRatio = Math.log(v / u);
  return Math.pow(u, 1 - s) * logRatio * expm1OverX((1 - s) * logRatio);
}

/** Zipf(s, n): P(k) ∝ k^(−s). Bins hold their mean probability; masses are normalised to 1. */
export function zipfGroups(s: number, n: number): Popularity {
  const groups: { count: number; mass: number }[] = [];
  const head = Math.min(n, EXACT_HEAD);
  for (let k = 1; k <= head; k++) groups.push({ count: 1, mass: Math.pow(k, -s) });
  for (let a = head + 1; a <= n;) {
    const b = Math.min(n, Math.max(a, Math.floor(a * BIN_RATIO)));
    // the midpoint rule per rank, summed: accurate to ~1e-9 this far out in the tail
    groups.push({ count: b - a + 1, mass: powerIntegral(a - 0.5, b + 0.5, s) });
    a = b + 1;
  }
  const total = groups.reduce((sum, g) => sum + g.mass, 0);
  return groups.map((g) => ({ count: g.count, p: g.mass / total / g.count }));
}

/** Number of keys in a popularity (for messages). */
export function keyCount(pop: Popularity): number {
  return pop.reduce((n, g) => n + g.count, 0);
}
