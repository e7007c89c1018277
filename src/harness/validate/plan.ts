/**
 * How much a validation run measures: seed size, calibration and level durations, the load
 * levels as shares of the measured saturation, and the cache settings of the cache
 * configuration. `quick` keeps every configuration but fewer, shorter levels on a small
 * seed (under two minutes); `full` is the run whose error table is published.
 */

export interface ValidationPlan {
  readonly name: 'quick' | 'full';
  readonly seed: { readonly users: number; readonly interactions: number; readonly items: number; readonly days: number };
  /** `days` of GET /items/popular: chosen so one aggregation costs Postgres a few ms. */
  readonly popularDays: number;
  /** Zipf exponent of user popularity (GET /users/{id}). */
  readonly zipfS: number;
  /** In-process cache of the cache configuration: entries and TTL (ms). */
  readonly cache: { readonly capacity: number; readonly ttlMs: number };
  readonly scryptLogN: number;
  /** Unmeasured traffic before calibration, so V8 has compiled the hot paths. */
  readonly jitWarmupSec: number;
  /** Calibration: a short pilot at a fixed light rate, then the window at `calibrationLoad`. */
  readonly pilotSec: number;
  readonly calibrationSec: number;
  /** A window between pilot and calibration, at half the target load, to aim better (0: none). */
  readonly scoutSec: number;
  /** Calibration windows per endpoint; each demand is their median (robust to a stall). */
  readonly calibrationRepeats: number;
  /** Requests sent one at a time per endpoint for the shape of its query time (Server-Timing). */
  readonly timingSamples: number;
  /** Longest wait, before each window, for other processes to leave the cores alone. */
  readonly quietMaxSec: number;
  /** Busy share of the busiest resource (event loop or Postgres) the high-rate calibration
   * window aims at, judged from the pilot (which overstates it: see demand.ts `marginal`). */
  readonly calibrationLoad: number;
  /** Open-loop levels as shares of the saturation point the calibrated model predicts; more
   * are added (each 35 % above the last) until the real system is past saturation. */
  readonly levels: readonly number[];
  /** Most levels added beyond `levels` to get past saturation. */
  readonly maxExtraLevels: number;
  /** Closed-loop levels as shares of the estimated saturation population N*. */
  readonly userLevels: readonly number[];
  readonly warmupSec: number;
  /** Warm-up of the cache configuration's levels: about a TTL, so the hit ratio settles. */
  readonly cacheWarmupSec: number;
  readonly durationSec: number;
  /** Closed loop: mean think time (s), uniform on [0.5, 1.5] × this. */
  readonly thinkSec: number;
  /** Simulated seconds per level (the model is cheap: longer than the real run). */
  readonly simDurationSec: number;
}

export const FULL: ValidationPlan = {
  name: 'full',
  seed: { users: 100_000, interactions: 1_000_000, items: 10_000, days: 30 },
  popularDays: 1,
  zipfS: 1.0,
  cache: { capacity: 5_000, ttlMs: 10_000 },
  scryptLogN: 12,
  jitWarmupSec: 5,
  pilotSec: 2,
  calibrationSec: 4,
  scoutSec: 3,
  calibrationRepeats: 2,
  timingSamples: 300,
  quietMaxSec: 30,
  calibrationLoad: 0.7,
  levels: [0.2, 0.4, 0.6, 0.8, 1.0, 1.3],
  maxExtraLevels: 3,
  userLevels: [0.2, 0.4, 0.6, 0.8, 1.1, 1.5],
  warmupSec: 4,
  cacheWarmupSec: 10,
  durationSec: 20,
  thinkSec: 0.1,
  simDurationSec: 60,
};

export const QUICK: ValidationPlan = {
  name: 'quick',
  seed: { users: 5_000, interactions: 50_000, items: 1_000, days: 30 },
  popularDays: 7,
  zipfS: 1.0,
  cache: { capacity: 500, ttlMs: 5_000 },
  // cheaper hashing keeps the logins of the closed loop's users inside a short warm-up
  scryptLogN: 10,
  jitWarmupSec: 0.5,
  pilotSec: 0.3,
  calibrationSec: 0.8,
  scoutSec: 0,
  calibrationRepeats: 1,
  timingSamples: 12,
  quietMaxSec: 0,
  calibrationLoad: 0.7,
  levels: [0.25, 0.6, 1.3],
  maxExtraLevels: 0,
  userLevels: [0.25, 0.6, 1.3],
  warmupSec: 0.5,
  cacheWarmupSec: 1,
  durationSec: 1.2,
  thinkSec: 0.1,
  simDurationSec: 15,
};
