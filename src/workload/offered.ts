/**
 * The load a source offers, in theory, for `explain` and the analytic models: an open loop's
 * mean and peak rate and endpoint shares (→ utilisation, M/M/c), a closed loop's population,
 * think time and task shares (→ MVA with N users and think time Z), a trace's request count.
 */
import { fromSpec } from '../engine/random/spec.js';
import type { ClosedLoopSource, OpenLoopSource } from '../model/schema/traffic.js';
import { mixShares } from './mix.js';
import { meanRateOf, rateFunction } from './profiles/index.js';

export interface OpenLoopLoad {
  readonly type: 'open_loop';
  /** Λ(duration)/duration: expected requests per second over the run. */
  readonly meanRate: number;
  readonly peakRate: number;
  readonly poisson: boolean;
  /** Endpoint name → share of requests (sums to 1). */
  readonly mix: Readonly<Record<string, number>>;
}

export interface ClosedLoopLoad {
  readonly type: 'closed_loop';
  readonly users: number;
  /** Users started per second, or null when all start at once. */
  readonly spawnRate: number | null;
  /** Seconds until the last user has started: (users − 1) / spawn_rate, or 0. */
  readonly rampUp: number;
  /** Mean think time Z between a response and the user's next task, in seconds. */
  readonly thinkMean: number;
  /** Task endpoint → share of the tasks (on_start excluded). */
  readonly mix: Readonly<Record<string, number>>;
  readonly onStart: string | null;
}

export interface TraceLoad {
  readonly type: 'trace';
  /** Requests the trace replays within [0, duration). */
  readonly requests: number;
  readonly meanRate: number;
  readonly mix: Readonly<Record<string, number>>;
}

export type OfferedLoad = OpenLoopLoad | ClosedLoopLoad | TraceLoad;

export function openLoopLoad(config: OpenLoopSource, duration: number): OpenLoopLoad {
  const fn = rateFunction(config.rate);
  return { type: 'open_loop', meanRate: meanRateOf(fn, duration), peakRate: fn.peak, poisson: config.poisson, mix: mixShares(config.mix) };
}

export function closedLoopLoad(config: ClosedLoopSource): ClosedLoopLoad {
  const spawnRate = spawnRateOf(config);
  return {
    type: 'closed_loop',
    users: config.users,
    spawnRate,
    rampUp: spawnRate !== null ? (config.users - 1) / spawnRate : 0,
    thinkMean: fromSpec(config.wait_time).mean,
    mix: mixShares(config.tasks),
    onStart: config.on_start ?? null,
  };
}

/** Users started per second (null: all at once); 0/s would never start anyone. */
export function spawnRateOf(config: ClosedLoopSource): number | null {
  const rate = config.spawn_rate;
  if (rate === undefined) return null;
  if (!(rate > 0) || rate === Infinity) {
    throw new RangeError(`closed_loop spawn_rate must be a finite rate > 0/s (got ${rate}); leave it out to start every user at once`);
  }
  return rate;
}
