/**
 * Seeded sample generators for the statistics tests: fixed data so every run checks the same
 * numbers, independent of the engine's own random streams (which are tested elsewhere).
 */

/** mulberry32: a small 32-bit generator, uniform in (0, 1). */
export function uniformSource(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** Standard normal draws by Box-Muller. */
export function normalSource(seed: number): () => number {
  const u = uniformSource(seed);
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

export function sample(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

export const distributions: Record<string, (seed: number) => () => number> = {
  'exponential (mean 100 ms)': (seed) => {
    const u = uniformSource(seed);
    return () => -0.1 * Math.log(u());
  },
  'lognormal cv 3 (median 20 ms)': (seed) => {
    const z = normalSource(seed);
    const sigma = Math.sqrt(Math.log(1 + 3 * 3)); // cv^2 = exp(sigma^2) - 1
    return () => 0.02 * Math.exp(sigma * z());
  },
  'uniform 10..500 ms': (seed) => {
    const u = uniformSource(seed);
    return () => 0.01 + 0.49 * u();
  },
  'bimodal: 90% cache hits ~5 ms, 10% misses ~2 s': (seed) => {
    const u = uniformSource(seed);
    const z = normalSource(seed + 1);
    return () => (u() < 0.9 ? Math.max(0, 0.005 + 0.0005 * z()) : Math.max(0, 2 + 0.2 * z()));
  },
  'log-uniform 1e-6..1e4 s': (seed) => {
    const u = uniformSource(seed);
    return () => 1e-6 * 10 ** (10 * u());
  },
};

/** Exact nearest-rank percentile of sorted values for q given in hundredths of a percent
 * (9990 is p99.9), computed in integers so it does not share the histogram's rank rule. */
export function exactPercentile(sorted: Float64Array, qHundredths: number): number {
  const n = sorted.length;
  const rank = Math.max(1, Math.ceil((qHundredths * n) / 10000));
  return sorted[rank - 1]!;
}
