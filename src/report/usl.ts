/**
 * Universal Scalability Law fit: X(N) = λN / (1 + σ(N−1) + κN(N−1)). σ is contention (the
 * share of work that serialises), κ coherency (the cost of instances keeping each other in
 * sync, which makes throughput fall past a peak at N* = √((1−σ)/κ)).
 * For a fixed λ the model is linear in σ and κ once rearranged (λN/X − 1 = σ(N−1) + κN(N−1)),
 * so we solve that exactly (non-negative least squares in two unknowns) and search λ alone
 * for the smallest relative error in X itself. Noiseless data is recovered to rounding.
 */

export interface UslPoint {
  /** Instance count N (>= 1). */
  n: number;
  /** Throughput at N (> 0), e.g. req/s. */
  x: number;
}

export interface UslParams {
  lambda: number;
  sigma: number;
  kappa: number;
}

export interface UslFit extends UslParams {
  /** Root mean square of the relative residuals (X_fit − X) / X. */
  rmsRelError: number;
  /** N at which throughput peaks, or null when it never does (κ = 0 or σ >= 1). */
  peakN: number | null;
}

export function uslThroughput(n: number, p: UslParams): number {
  return (p.lambda * n) / (1 + p.sigma * (n - 1) + p.kappa * n * (n - 1));
}

function checkPoints(points: readonly UslPoint[]): void {
  for (const p of points) {
    if (!Number.isFinite(p.n) || p.n < 1) throw new RangeError(`fitUsl: n must be >= 1, got ${p.n}`);
    if (!Number.isFinite(p.x) || p.x <= 0) throw new RangeError(`fitUsl: x must be > 0, got ${p.x} at n = ${p.n}`);
  }
  const distinct = new Set(points.map((p) => p.n)).size;
  if (distinct < 3) throw new RangeError(`fitUsl: needs at least 3 distinct n to fit λ, σ, κ, got ${distinct}`);
}

/** Least squares for y = σa + κb with σ, κ >= 0 (two unknowns: try the interior, then the edges). */
function fitSigmaKappa(a: number[], b: number[], y: number[]): { sigma: number; kappa: number } {
  const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * (v[i] ?? 0), 0);
  const aa = dot(a, a), bb = dot(b, b), ab = dot(a, b), ay = dot(a, y), by = dot(b, y);
  const det = aa * bb - ab * ab;
  const candidates: { sigma: number; kappa: number }[] = [{ sigma: 0, kappa: 0 }];
  if (det > 0) candidates.push({ sigma: (ay * bb - by * ab) / det, kappa: (by * aa - ay * ab) / det });
  if (aa > 0) candidates.push({ sigma: ay / aa, kappa: 0 });
  if (bb > 0) candidates.push({ sigma: 0, kappa: by / bb });
  const sse = (c: { sigma: number; kappa: number }) =>
    y.reduce((s, yi, i) => s + (yi - c.sigma * (a[i] ?? 0) - c.kappa * (b[i] ?? 0)) ** 2, 0);
  const feasible = candidates.filter((c) => c.sigma >= 0 && c.kappa >= 0);
  return feasible.reduce((best, c) => (sse(c) < sse(best) ? c : best));
}

function paramsFor(lambda: number, points: readonly UslPoint[]): UslParams {
  const a = points.map((p) => p.n - 1);
  const b = points.map((p) => p.n * (p.n - 1));
  const y = points.map((p) => (lambda * p.n) / p.x - 1);
  return { lambda, ...fitSigmaKappa(a, b, y) };
}

function relSse(p: UslParams, points: readonly UslPoint[]): number {
  return points.reduce((s, pt) => s + ((uslThroughput(pt.n, p) - pt.x) / pt.x) ** 2, 0);
}

/** Minimise f on [lo, hi] by golden-section search (f is smooth and unimodal near the grid's best). */
function goldenMin(f: (v: number) => number, lo: number, hi: number, iterations = 200): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo), d = lo + g * (hi - lo);
  let fc = f(c), fd = f(d);
  for (let i = 0; i < iterations && hi - lo > 1e-14 * Math.abs(hi); i++) {
    if (fc < fd) { hi = d; d = c; fd = fc; c = hi - g * (hi - lo); fc = f(c); }
    else { lo = c; c = d; fc = fd; d = lo + g * (hi - lo); fd = f(d); }
  }
  return (lo + hi) / 2;
}

export function fitUsl(points: readonly UslPoint[]): UslFit {
  checkPoints(points);
  // X(N) <= λN whenever σ, κ >= 0, so λ is at least the best per-instance throughput seen;
  // it can be several times more when the smallest N measured is already contended.
  const floor = Math.max(...points.map((p) => p.x / p.n));
  const cost = (logLambda: number) => relSse(paramsFor(Math.exp(logLambda), points), points);
  const lo = Math.log(floor), hi = Math.log(floor * 50), steps = 400;
  let best = lo;
  for (let i = 0; i <= steps; i++) {
    const v = lo + ((hi - lo) * i) / steps;
    if (cost(v) < cost(best)) best = v;
  }
  const step = (hi - lo) / steps;
  const logLambda = goldenMin(cost, Math.max(lo, best - step), Math.min(hi, best + step));
  const params = paramsFor(Math.exp(logLambda), points);
  const { sigma, kappa } = params;
  return {
    ...params,
    rmsRelError: Math.sqrt(relSse(params, points) / points.length),
    peakN: kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null,
  };
}
