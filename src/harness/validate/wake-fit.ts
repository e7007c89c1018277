/**
 * The wake-up cost of the API's core, fitted from the calibration windows. On this VM the CPU
 * per request falls as the rate grows: a core that idled pays to wake up (a halted virtual
 * CPU, cold caches) and at higher rates the idle gaps get too short to sleep in. The model
 * for it is the event loop's `wake_up` (after_idle τ, cost w): per request
 *
 *   C(X) = a + w · V · (1 − ρ) · e^(−V·X·τ)
 *
 * where X is the rate, V the core's visits per request that can find it idle (the driver's
 * send, the API's first visit, one per query result), ρ the core's measured busy share and a
 * the CPU per request once the core never sleeps. For Poisson visits an idle period is
 * Exp(V·X), hence the exponential. τ is common to the machine, w too; a is per endpoint path.
 * For each τ on a grid the rest is weighted linear least squares; the best τ wins.
 */

export interface WakePoint {
  /** The endpoint path (probe key) the window measured. */
  readonly key: string;
  /** Requests per second the window served. */
  readonly rate: number;
  /** The core's CPU per request (event loop and driver), ms. */
  readonly coreMs: number;
  /** Queries per request (each result is a visit that may wake the core). */
  readonly queries: number;
}

export interface WakeFit {
  /** Idle time beyond which the core sleeps, ms. */
  readonly afterIdleMs: number;
  /** CPU one wake-up takes, ms. */
  readonly costMs: number;
  /** CPU per request of each path with the core never asleep, ms. */
  readonly base: Readonly<Record<string, number>>;
  /** Root mean square relative error of the fit, and of the best fit without wake-ups. */
  readonly rmse: number;
  readonly rmseWithout: number;
  readonly points: number;
}

/** τ candidates, ms: 0 and a log grid from 20 µs to 5 ms. */
const TAUS = [0, ...Array.from({ length: 25 }, (_, i) => 0.02 * 250 ** (i / 24))];

const visitsOf = (p: WakePoint) => 2 + p.queries;

function wakeShare(p: WakePoint, tauMs: number): number {
  const v = visitsOf(p);
  const rho = Math.min(0.99, (p.rate * p.coreMs) / 1000);
  return v * (1 - rho) * Math.exp((-v * p.rate * tauMs) / 1000);
}

interface Solved { readonly w: number; readonly base: Record<string, number>; readonly rmse: number }

/** For a fixed τ: w ≥ 0 and each path's a by least squares on relative residuals. */
function solve(points: readonly WakePoint[], tauMs: number | null): Solved {
  const groups = new Map<string, WakePoint[]>();
  for (const p of points) groups.set(p.key, [...(groups.get(p.key) ?? []), p]);
  const g = (p: WakePoint) => (tauMs === null ? 0 : wakeShare(p, tauMs));
  let num = 0;
  let den = 0;
  const means = new Map<string, { c: number; g: number }>();
  for (const [key, ps] of groups) {
    const c = ps.reduce((s, p) => s + p.coreMs, 0) / ps.length;
    const gm = ps.reduce((s, p) => s + g(p), 0) / ps.length;
    means.set(key, { c, g: gm });
    const weight = 1 / (c * c); // relative residuals: a 10 ms path must not drown a 0.3 ms one
    for (const p of ps) {
      num += weight * (p.coreMs - c) * (g(p) - gm);
      den += weight * (g(p) - gm) ** 2;
    }
  }
  let w = den > 0 ? Math.max(0, num / den) : 0;
  // a path's CPU with the core awake cannot be negative: cap w by the cheapest path's room
  for (const { c, g: gm } of means.values()) if (gm > 0) w = Math.min(w, (0.95 * c) / gm);
  const base: Record<string, number> = {};
  for (const [key, { c, g: gm }] of means) base[key] = c - w * gm;
  let sse = 0;
  for (const p of points) sse += ((p.coreMs - base[p.key]! - w * g(p)) / means.get(p.key)!.c) ** 2;
  return { w, base, rmse: Math.sqrt(sse / points.length) };
}

/** The best fit, or null when the windows cannot tell (every path measured at one rate). */
export function fitWake(points: readonly WakePoint[]): WakeFit | null {
  const usable = points.filter((p) => p.rate > 0 && p.coreMs > 0 && Number.isFinite(p.coreMs));
  const keys = new Set(usable.map((p) => p.key));
  if (usable.length <= keys.size) return null;
  const without = solve(usable, null);
  let best: (Solved & { tau: number }) | null = null;
  for (const tau of TAUS) {
    const s = solve(usable, tau);
    if (s.w > 0 && (best === null || s.rmse < best.rmse)) best = { ...s, tau };
  }
  if (best === null || !(best.rmse < without.rmse)) return null;
  return { afterIdleMs: best.tau, costMs: best.w, base: best.base, rmse: best.rmse, rmseWithout: without.rmse, points: usable.length };
}
