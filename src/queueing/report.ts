/**
 * Per-station figures in the words of queueing theory (utilisation, mean wait, P(wait > 0),
 * blocking probability), computed from a station's streaming counters.
 */
import type { Station } from '../engine/resources/station.js';

export interface StationReport {
  name: string;
  arrivals: number;
  completions: number;
  drops: number;
  /** Mean time in queue of customers that started service. */
  meanWait: number;
  meanSojourn: number;
  /** Fraction of customers who had to wait. */
  pWait: number;
  /** Fraction of arrivals turned away (capacity K). */
  pBlock: number;
  meanQueue: number;
  utilisation: number;
}

export function summarizeStation<J>(name: string, s: Station<J>, now: number): StationReport {
  const started = s.started;
  return {
    name,
    arrivals: s.arrivals,
    completions: s.completions,
    drops: s.drops,
    meanWait: started > 0 ? s.waitSum / started : 0,
    meanSojourn: s.completions > 0 ? s.sojournSum / s.completions : 0,
    pWait: started > 0 ? s.waited / started : 0,
    pBlock: s.arrivals > 0 ? s.drops / s.arrivals : 0,
    meanQueue: s.queueLength.mean(now),
    utilisation: s.busy.mean(now) / s.servers,
  };
}
