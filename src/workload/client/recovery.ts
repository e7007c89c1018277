/**
 * Did the system recover? A window is healthy when its goodput is within `tolerance` of the
 * calls offered in it (or nothing was offered). Degradation starts at the first unhealthy
 * window; recovery is the start of the final run of healthy windows, if that run follows
 * a degradation and lasts at least `settle` windows (it "returns and stays"). A pure
 * function of the series, so a test can feed it numbers.
 */

export type RecoveryStatus = 'steady' | 'recovered' | 'not_recovered';

export interface Recovery {
  readonly status: RecoveryStatus;
  /** Start of the first unhealthy window, in simulated seconds; null when steady. */
  readonly degradedAt: number | null;
  /** Start of the final healthy run; null unless recovered. */
  readonly recoveredAt: number | null;
}

export const SETTLE_WINDOWS = 3;

export function recoveryOf(
  offered: readonly number[], goodput: readonly number[], width: number, windows: number, tolerance: number, settle = SETTLE_WINDOWS,
): Recovery {
  const healthy = (k: number): boolean => {
    const o = offered[k] ?? 0;
    return o === 0 || (goodput[k] ?? 0) >= (1 - tolerance) * o;
  };
  let first = -1;
  let last = -1;
  for (let k = 0; k < windows; k++) {
    if (healthy(k)) continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0) return { status: 'steady', degradedAt: null, recoveredAt: null };
  const degradedAt = first * width;
  if (windows - (last + 1) < settle) return { status: 'not_recovered', degradedAt, recoveredAt: null };
  return { status: 'recovered', degradedAt, recoveredAt: (last + 1) * width };
}
