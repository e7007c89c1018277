/**
 * Helpers over `req.held`, the resources a request must give back: whether it holds one,
 * and dropping one that is given back early (per-query checkout) so the runner does not
 * release it a second time. The list is a handful of entries: a linear scan is cheapest.
 */
import type { Releasable, Request } from '../../flow/request.js';

export function holds(req: Request, r: Releasable): boolean {
  return req.held.lastIndexOf(r) >= 0;
}

/** Remove `r` from `req.held` (keeping the order of the rest); false if it was not there. */
export function dropHeld(req: Request, r: Releasable): boolean {
  const held = req.held;
  const i = held.lastIndexOf(r);
  if (i < 0) return false;
  for (let k = i + 1; k < held.length; k++) held[k - 1] = held[k]!;
  held.length--;
  return true;
}
