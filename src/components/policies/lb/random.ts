/**
 * Random: a usable backend chosen uniformly (weights ignored), one draw per pick. Spreads load
 * evenly on average but, unlike round robin, lets short runs pile onto one backend.
 */
import { countUsable, nthUsable, type LbPolicy } from './policy.js';

export const randomChoice: LbPolicy = (_backends, usable, _state, rng) => {
  const k = countUsable(usable);
  if (k === 0) return -1;
  return nthUsable(usable, Math.floor(rng.next() * k));
};
