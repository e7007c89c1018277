/**
 * Generalised harmonic numbers H(n, t) = Σ_{k=1..n} k^(−t) for any real t, and partial sums
 * of k^(−t)·(k − c)², which give the exact Zipf mean and variance. Small n is summed
 * directly; for large n the sum from k = m on is Euler–Maclaurin, so n = 10^8 costs ~50 ops.
 */

/** Sums up to this many terms are done term by term (exact to rounding). */
const DIRECT_MAX = 10_000;
/** Euler–Maclaurin starts here: its remainder shrinks like (t + 2j)^{2j} / (2πm)^{2j}. */
const EM_START = 32;
/** B_{2j} / (2j)! for j = 1..8. */
const EM_COEF = [
  1 / 6 / 2, -1 / 30 / 24, 1 / 42 / 720, -1 / 30 / 40320, 5 / 66 / 3628800,
  -691 / 2730 / 479001600, 7 / 6 / 87178291200, -3617 / 510 / 20922789888000,
];

/** Σ_{k=from..to} k^(−t), by Kahan summation. */
function directSum(t: number, from: number, to: number): number {
  let sum = 0, comp = 0;
  for (let k = from; k <= to; k++) {
    const y = Math.pow(k, -t) - comp;
    const s = sum + y;
    comp = s - sum - y;
    sum = s;
  }
  return sum;
}

/** (e^x − 1)/x, continuous at 0. */
export function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** Σ_{k=m..n} k^(−t) by Euler–Maclaurin with m = EM_START, n > m. */
function eulerMaclaurin(t: number, m: number, n: number): number {
  // ∫_m^n x^{-t} dx = m^{1-t}·ln(n/m)·expm1OverX((1-t)·ln(n/m)): no 0/0 at t = 1.
  const logRatio = Math.log(n / m);
  let sum = Math.pow(m, 1 - t) * logRatio * expm1OverX((1 - t) * logRatio);
  sum += (Math.pow(m, -t) + Math.pow(n, -t)) / 2;
  // f^{(r)}(x) = (−t)(−t−1)…(−t−r+1)·x^{−t−r}; we need odd r = 2j − 1.
  let fall = -t; // (−t)_1
  for (let j = 1; j <= EM_COEF.length; j++) {
    const r = 2 * j - 1;
    sum += EM_COEF[j - 1]! * fall * (Math.pow(n, -t - r) - Math.pow(m, -t - r));
    fall *= (-t - r) * (-t - r - 1);
  }
  return sum;
}

/** H(n, t) = Σ_{k=1..n} k^(−t) for integer n >= 1 and any real t. */
export function harmonic(n: number, t: number): number {
  if (n <= DIRECT_MAX) return directSum(t, 1, n);
  return directSum(t, 1, EM_START - 1) + eulerMaclaurin(t, EM_START, n);
}

/**
 * Σ_{k=1..n} k^(−s)·(k − c)²: the unnormalised second moment of a Zipf(s, n) about c.
 * Centring the first terms directly keeps precision when the mass sits at small k (large s);
 * the tail is expanded as H(t−2) − 2c·H(t−1) + c²·H(t) over k >= m.
 */
export function centredSecondMoment(n: number, s: number, c: number): number {
  const head = n <= DIRECT_MAX ? n : EM_START - 1;
  let sum = 0;
  for (let k = 1; k <= head; k++) sum += Math.pow(k, -s) * (k - c) * (k - c);
  if (head === n) return sum;
  const tail = (t: number) => eulerMaclaurin(t, EM_START, n);
  return sum + tail(s - 2) - 2 * c * tail(s - 1) + c * c * tail(s);
}
