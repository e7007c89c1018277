/**
 * Checks a routing matrix of an open network: square, entries in [0, 1], rows summing
 * to at most 1, and no set of stations that customers can enter but never leave (that
 * set would make I − Pᵀ singular and its arrival rates infinite).
 */
import { fmt, show } from './validate.js';

/** Row sums within this of 1 count as 1: exits rarer than this are float noise. */
const EXIT_EPS = 1e-9;

export function checkRouting(
  model: string,
  routing: readonly (readonly number[])[],
  n: number,
  nameOf: (i: number) => string,
): void {
  if (routing.length !== n) {
    throw new RangeError(`${model}: routing must be a ${n}×${n} matrix, one row per station (got ${routing.length} rows)`);
  }
  const leaks = routing.map((row, i) => {
    if (row.length !== n) {
      throw new RangeError(`${model}: routing row ${i} ('${nameOf(i)}') must hold ${n} entries (got ${row.length})`);
    }
    row.forEach((p, j) => {
      if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
        throw new RangeError(`${model}: routing[${i}][${j}] must be a probability in [0, 1] (got ${show(p)})`);
      }
    });
    const sum = row.reduce((s, p) => s + p, 0);
    if (sum > 1 + EXIT_EPS) {
      throw new RangeError(`${model}: routing row ${i} ('${nameOf(i)}') must sum to <= 1 (got ${fmt(sum)})`);
    }
    return sum < 1 - EXIT_EPS;
  });
  const trapped = trappedStations(routing, leaks);
  if (trapped.length > 0) {
    const names = trapped.map((i) => `'${nameOf(i)}'`).join(', ');
    throw new RangeError(
      `${model}: routing traps customers: ${names} can never leave the network; give one of them an exit (row sum < 1)`,
    );
  }
}

/** Stations with no path of positive probability to a station that has an exit. */
function trappedStations(routing: readonly (readonly number[])[], leaks: readonly boolean[]): number[] {
  const canExit = [...leaks];
  // Propagate "can reach an exit" backwards along edges until nothing changes;
  // n passes suffice because a shortest path to an exit has at most n − 1 edges.
  for (let changed = true; changed;) {
    changed = false;
    routing.forEach((row, i) => {
      if (!canExit[i] && row.some((p, j) => p > 0 && canExit[j])) {
        canExit[i] = true;
        changed = true;
      }
    });
  }
  return canExit.flatMap((ok, i) => (ok ? [] : [i]));
}
