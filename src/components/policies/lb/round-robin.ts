/**
 * Round robin: each usable backend in turn, in list order. A backend that is down is skipped
 * without losing the rotation (0, 2, 0, 2 … while backend 1 is down).
 */
import type { LbPolicy } from './policy.js';

export const roundRobin: LbPolicy = (backends, usable, state) => {
  const n = backends.length;
  for (let k = 0; k < n; k++) {
    const i = (state.cursor + k) % n;
    if (usable[i] === 1) {
      state.cursor = (i + 1) % n;
      return i;
    }
  }
  return -1;
};
