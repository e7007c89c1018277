/**
 * Smooth weighted round robin, nginx's algorithm (ngx_http_upstream_get_peer): each pick adds
 * every usable backend's weight to its current weight, takes the largest (the first in list
 * order on a tie) and subtracts the total from it. Weights 5:1:1 give a a b a c a a — the
 * heavy backend's turns are spread out instead of bunched (a a a a a b c).
 */
import type { LbPolicy } from './policy.js';

export const weightedRoundRobin: LbPolicy = (backends, usable, state) => {
  const current = state.current;
  let total = 0;
  let best = -1;
  for (let i = 0; i < backends.length; i++) {
    if (usable[i] !== 1) continue;
    const w = backends[i]!.weight;
    current[i] = current[i]! + w;
    total += w;
    if (best < 0 || current[i]! > current[best]!) best = i;
  }
  if (best >= 0) current[best] = current[best]! - total;
  return best;
};
