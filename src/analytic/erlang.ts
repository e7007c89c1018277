/**
 * Erlang B and Erlang C, computed by the Erlang B recursion so that c and the offered
 * load a = λ/μ can both reach the thousands: every step is a ratio of positive numbers,
 * so nothing overflows the way a^c/c! would.
 */
import { requireInteger, requireNonNegative, unstableError } from './validate.js';

/** Blocking probability of an M/M/c/c loss system with offered load a (Erlangs):
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)). */
export function erlangB(c: number, a: number): number {
  requireInteger('erlangB', 'servers c', c, 0);
  requireNonNegative('erlangB', 'offered load a', a);
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Probability of waiting in an M/M/c queue, C = B / (1 − ρ(1 − B)) with ρ = a/c < 1. */
export function erlangC(c: number, a: number): number {
  requireInteger('erlangC', 'servers c', c, 1);
  requireNonNegative('erlangC', 'offered load a', a);
  if (a >= c) throw unstableError('erlangC', a / c);
  const b = erlangB(c, a);
  return b / (1 - (a / c) * (1 - b));
}
