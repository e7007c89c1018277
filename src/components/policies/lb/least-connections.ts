/**
 * Least connections: the usable backend with the fewest requests in progress relative to its
 * weight (active / weight, as nginx's least_conn). Tie rule: among equally loaded backends the
 * first found scanning cyclically from just after the previous pick wins — round robin among
 * ties — so an idle tier is not all sent to backend 0.
 */
import { lessLoaded, type LbPolicy } from './policy.js';

export const leastConnections: LbPolicy = (backends, usable, state) => {
  const n = backends.length;
  let best = -1;
  for (let k = 0; k < n; k++) {
    const i = (state.cursor + k) % n;
    if (usable[i] !== 1) continue;
    if (best < 0 || lessLoaded(backends[i]!, backends[best]!)) best = i;
  }
  if (best >= 0) state.cursor = (best + 1) % n;
  return best;
};
