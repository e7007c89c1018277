// Test helpers for backoff policies: a stream that returns fixed draws (exact arithmetic)
// and a seeded one (distributions).
import { createStream } from '../../../../src/engine/random/streams.js';
import type { RandomStream } from '../../../../src/engine/types.js';

export function fixed(...draws: number[]): RandomStream {
  let i = 0;
  return { name: 'fixed', next: () => draws[i++ % draws.length]! };
}

export function seeded(name = 'backoff-test'): RandomStream {
  return createStream(11, name);
}

/** Mean and the half-width of a 99.9% interval (3.29 standard errors) of `n` draws of `f`. */
export function meanOf(n: number, f: () => number): { mean: number; half: number } {
  let s = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    const x = f();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, half: 3.29 * Math.sqrt((s2 / n - mean * mean) / n) };
}
