/**
 * Power of two choices (Mitzenmacher): draw two distinct usable backends at random and send
 * to the less loaded (active / weight; the first drawn on a tie). Nearly as good as least
 * connections while reading only two backends' load — what Envoy and HAProxy offer for large
 * pools. With one usable backend there is no choice and no draw.
 */
import { countUsable, lessLoaded, nthUsable, type LbPolicy } from './policy.js';

export const powerOfTwoChoices: LbPolicy = (backends, usable, _state, rng) => {
  const k = countUsable(usable);
  if (k <= 1) return k === 1 ? nthUsable(usable, 0) : -1;
  const ra = Math.floor(rng.next() * k);
  let rb = Math.floor(rng.next() * (k - 1));
  if (rb >= ra) rb++; // distinct: rb ranges over the other k - 1 ranks
  const a = nthUsable(usable, ra);
  const b = nthUsable(usable, rb);
  return lessLoaded(backends[b]!, backends[a]!) ? b : a;
};
