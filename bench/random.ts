/**
 * Speed of random draws: seedrandom's generators (53-bit `double()` and 32-bit `quick()`)
 * against our TycheiStream port, then samples/s for each distribution. Eight streams share
 * one call site, as components do in the engine. Run: npx tsx bench/random.ts [millions]
 */
import seedrandom from 'seedrandom';
import { createStream, fromSpec, type DistributionSpec } from '../src/engine/random/index.js';
import type { RandomStream } from '../src/engine/types.js';

const N = Math.round(Number(process.argv[2] ?? 20) * 1e6);
const NAMES = Array.from({ length: 8 }, (_, i) => `component-${i}`);

/** Best of 3 timed runs of a loop compiled afresh per case, so each call site is monomorphic. */
function measure(label: string, body: string, arg: unknown): void {
  const loop = new Function('arg', 'n', `let s = 0; for (let i = 0; i < n; i++) { ${body} } return s;`) as (a: unknown, n: number) => number;
  loop(arg, Math.min(N, 2e6));
  let best = Infinity;
  let sink = 0;
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    sink += loop(arg, N);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const perSec = N / best;
  console.log(`${label.padEnd(34)} ${(perSec / 1e6).toFixed(1).padStart(7)} M/s ${((1e9 * best) / N).toFixed(2).padStart(7)} ns${Number.isNaN(sink) ? ' (NaN!)' : ''}`);
}

console.log(`# uniform draws, ${N / 1e6} M per case, 8 streams round-robin`);
const GENERATORS = ['alea', 'xor128', 'xorwow', 'xorshift7', 'xor4096', 'tychei'] as const;
for (const g of GENERATORS) {
  const prngs = NAMES.map((n) => seedrandom[g](`42\u0000${n}`));
  measure(`seedrandom.${g}.double (53-bit)`, 's += arg[i & 7].double();', prngs);
  measure(`seedrandom.${g}.quick (32-bit)`, 's += arg[i & 7].quick();', prngs);
}
const streams: RandomStream[] = NAMES.map((n) => createStream(42, n));
measure('TycheiStream.next (53-bit)', 's += arg[i & 7].next();', streams);

console.log('\n# distribution samples from one TycheiStream');
const SPECS: Record<string, DistributionSpec> = {
  constant: { constant: { value: 1 } },
  uniform: { uniform: { min: 0, max: 1 } },
  exponential: { exponential: { mean: 1 } },
  'normal (truncated, mean 1 sd 0.5)': { normal: { mean: 1, sd: 0.5 } },
  'lognormal (mean 1 cv 2)': { lognormal: { mean: 1, cv: 2 } },
  'gamma (shape 0.5)': { gamma: { shape: 0.5, scale: 1 } },
  'gamma (shape 4)': { gamma: { shape: 4, scale: 1 } },
  'erlang (k 4)': { erlang: { k: 4, mean: 1 } },
  weibull: { weibull: { shape: 1.5, scale: 1 } },
  pareto: { pareto: { alpha: 1.5, xm: 1 } },
  'empirical (1000 samples)': { empirical: { samples: Array.from({ length: 1000 }, (_, i) => i) } },
  'empirical (histogram, 20 bins)': { empirical: { edges: Array.from({ length: 21 }, (_, i) => i), weights: Array.from({ length: 20 }, (_, i) => i + 1) } },
  'mixture (exp 0.95 / lognormal 0.05)': {
    mixture: { components: [{ weight: 0.95, dist: { exponential: { mean: 1 } } }, { weight: 0.05, dist: { lognormal: { mean: 20, cv: 1 } } }] },
  },
  bernoulli: { bernoulli: { p: 0.3 } },
  uniform_int: { uniform_int: { min: 1, max: 1000 } },
  'zipf (s 1.1, n 1e8)': { zipf: { s: 1.1, n: 1e8 } },
  'zipf (s 0.8, n 1e6)': { zipf: { s: 0.8, n: 1e6 } },
  'hotset (1e6, 0.2, 0.8)': { hotset: { n: 1e6, hot_fraction: 0.2, hot_weight: 0.8 } },
};
const rng = createStream(42, 'bench');
for (const [label, spec] of Object.entries(SPECS)) {
  measure(label, 's += arg.d.sample(arg.rng);', { d: fromSpec(spec), rng });
}
