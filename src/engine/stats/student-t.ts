/**
 * Student t distribution: the CDF through the regularized incomplete beta function, and the
 * quantile by Newton's method on that exact CDF (mathjs has neither). Closed forms for df 1
 * and 2; for df > 1e4 the Cornish-Fisher expansion alone is accurate to ~1e-15.
 */
import { normalQuantile } from './normal.js';

const CORNISH_FISHER_ONLY = 1e4;

/** t with P(T <= t) = p for T ~ Student t with `df` degrees of freedom (df > 0, may be
 * fractional or Infinity); p strictly between 0 and 1. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be a probability strictly between 0 and 1, got ${p}`);
  if (!(df > 0)) throw new RangeError(`tQuantile: df must be a number of degrees of freedom > 0, got ${df}`);
  if (p === 0.5) return 0;
  const alpha = p > 0.5 ? 1 - p : p; // the tail beyond |t|
  const sign = p > 0.5 ? 1 : -1;
  if (df === Infinity) return normalQuantile(p);
  if (df === 1) return sign / Math.tan(Math.PI * alpha);
  if (df === 2) return (sign * (1 - 2 * alpha)) / Math.sqrt(2 * alpha * (1 - alpha));
  const guess = cornishFisher(normalQuantile(alpha), df);
  return sign * (df > CORNISH_FISHER_ONLY ? guess : solveTail(alpha, df, guess));
}

/** P(T <= t) for finite df > 0. */
export function tCdf(t: number, df: number): number {
  if (Number.isNaN(t)) throw new RangeError(`tCdf: t must be a number, got ${t}`);
  if (!(df > 0 && df < Infinity)) throw new RangeError(`tCdf: df must be a finite number > 0, got ${df}`);
  return t >= 0 ? 1 - upperTail(t, df) : upperTail(-t, df);
}

/** |t| of the upper-tail quantile from the normal quantile z (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return Math.abs(z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df);
}

/**
 * The t >= 0 with upperTail(t) = alpha. The tail is convex and decreasing on t >= 0, so every
 * Newton step lands at or left of the root and later steps climb to it monotonically: no
 * bracketing needed, whatever the starting guess.
 */
function solveTail(alpha: number, df: number, guess: number): number {
  let t = guess;
  for (let i = 0; i < 2000; i++) {
    const step = (upperTail(t, df) - alpha) / tDensity(t, df);
    const next = Math.max(0, t + step);
    if (Math.abs(next - t) <= 4e-16 * next || (i > 0 && step <= 0)) return next;
    t = next;
  }
  throw new Error(`tQuantile invariant violated: Newton did not converge (alpha ${alpha}, df ${df})`);
}

/** P(T > t) for t >= 0: half the regularized incomplete beta I_x(df/2, 1/2) at x = df/(df+t^2). */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * betaRegularized(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

function tDensity(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** I_x(a, b) with y = 1 - x passed separately so neither loses digits (Numerical Recipes 6.4). */
function betaRegularized(x: number, y: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) + logGamma(a + b) - logGamma(a) - logGamma(b));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(y, b, a)) / b;
}

/** Continued fraction for the incomplete beta by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 5000; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  throw new Error(`incomplete beta invariant violated: continued fraction did not converge (x ${x}, a ${a}, b ${b})`);
}

// Lanczos approximation, g = 7, n = 9: relative error ~1e-15 for x > 0.
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
