/**
 * Open-loop arrival schedules: offsets (seconds from the run's start) at which requests
 * should be sent. Constant spacing is computed as i/rate, never by summing gaps, so a long
 * run does not drift; Poisson gaps come from a seeded stream, so a schedule is reproducible.
 */
import { fail, positive } from './check.js';
import { driverStream } from './keys.js';

export type ArrivalProcess = 'constant' | 'poisson';

export interface ArrivalSchedule {
  /** The next intended offset in seconds; Infinity once past `endSec`. */
  next(): number;
}

export function arrivalSchedule(process: ArrivalProcess, rate: number, endSec: number, seed: string): ArrivalSchedule {
  positive('rate', rate);
  positive('endSec', endSec);
  if (process === 'constant') {
    let i = 0;
    return {
      next() {
        const t = i / rate;
        if (t >= endSec) return Infinity;
        i++;
        return t;
      },
    };
  }
  if (process !== 'poisson') fail('arrival', process, '"constant" or "poisson"');
  const rng = driverStream(seed, 'arrivals');
  // 1 - u lies in (0, 1], so the log is finite.
  const gap = (): number => -Math.log(1 - rng.next()) / rate;
  let t = gap();
  return {
    next() {
      if (t >= endSec) return Infinity;
      const at = t;
      t += gap();
      return at;
    },
  };
}
