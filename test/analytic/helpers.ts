/**
 * Assertion helper for the analytic tests: relative closeness, which is what matters
 * for quantities that range from 1e-60 (blocking) to 1e3 (queue lengths).
 */
import { expect } from 'vitest';

export function expectRel(actual: number, expected: number, tol = 1e-12): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  const err = Math.abs(actual - expected) / scale;
  if (!(err <= tol)) expect.fail(`expected ${actual} to be within ${tol} (relative) of ${expected}; error ${err}`);
}
