/**
 * Special functions for exact moments: log-gamma (Weibull, gamma), the normal tail and its
 * Mills ratio (truncated normal, lognormal CDF). Written for full double precision because
 * a reported mean is compared against simulation output and queueing formulas.
 */

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7: relative error ~1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Depth at which Laplace's continued fraction is cut; for x >= 3 the starting error has
 * shrunk by about e^{-2x√depth} < 1e-36 by the time the recurrence reaches the top. */
const CF_DEPTH = 200;

/**
 * Tails of Laplace's continued fraction for the Mills ratio, R(x) = 1/(x + c1) with
 * c_k = k/(x + c_{k+1}), evaluated backwards for x >= 3. Returns [c1, c2]: c1 = λ(x) − x
 * is the mean excess of Z over x given Z >= x, and c1·(c2 − c1) its variance — both free
 * of the cancellation in 1 + xλ − λ² that ruins the textbook formula for large x.
 */
export function millsTails(x: number): [number, number] {
  let c = Math.sqrt(CF_DEPTH + 1); // deep in the fraction c_k ≈ √k
  for (let k = CF_DEPTH; k >= 2; k--) c = k / (x + c);
  return [1 / (x + c), c];
}

/** Mills ratio R(x) = Q(x)/φ(x) for x >= 0, accurate where Q underflows (x > 38). */
export function millsRatio(x: number): number {
  if (x < 3) return (0.5 - 0.5 * erfSmall(x / Math.SQRT2)) / normalPdf(x);
  return 1 / (x + millsTails(x)[0]);
}

/** erf(y) for 0 <= y < ~2.2 by the all-positive series e^{-y²} Σ 2^n y^{2n+1} / (2n+1)!!. */
function erfSmall(y: number): number {
  const y2 = y * y;
  let term = y, sum = y;
  for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
    term *= (2 * y2) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-y2) * sum;
}

/** Upper tail Q(x) = P(Z > x) of the standard normal, accurate in both tails. */
export function normalTail(x: number): number {
  if (x >= 0) return millsRatio(x) * normalPdf(x);
  return 1 - normalTail(-x);
}

/** Standard normal CDF Φ(x). */
export function normalCdf(x: number): number {
  return normalTail(-x);
}

/**
 * Inverse Mills ratio λ(α) = φ(α)/Q(α): the hazard of the standard normal, i.e. the mean of
 * Z given Z >= α. Used for the mean and variance of a normal truncated at zero.
 */
export function normalHazard(alpha: number): number {
  if (alpha >= 0) return 1 / millsRatio(alpha);
  return normalPdf(alpha) / (1 - normalTail(-alpha));
}
