// Test helper: run a simulation over R replications with derived seeds and summarise a
// figure by its mean and Student-t confidence interval.
import { deriveSeed } from '../../src/engine/random/streams.js';
import { meanCI } from '../../src/engine/stats/confidence.js';

export interface Estimate {
  mean: number;
  halfWidth: number;
}

export function replicate<T>(reps: number, run: (seed: string) => T, ...figures: ((r: T) => number)[]): Estimate[] {
  const results = Array.from({ length: reps }, (_, i) => run(deriveSeed('oracle', i)));
  return figures.map((f) => {
    const ci = meanCI(results.map(f), 0.99);
    return { mean: ci.mean, halfWidth: ci.halfWidth ?? Infinity };
  });
}

/** Within the 99% confidence interval (plus a hair of floating-point slack). */
export function covers(e: Estimate, exact: number): boolean {
  return Math.abs(e.mean - exact) <= e.halfWidth + 1e-12 * Math.abs(exact);
}

export function describe99(e: Estimate, exact: number): string {
  return `simulated ${e.mean.toFixed(5)} ± ${e.halfWidth.toFixed(5)} (99%), exact ${exact.toFixed(5)}`;
}
