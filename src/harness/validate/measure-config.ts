/**
 * Measuring one configuration on its running API: load levels placed as shares of the
 * saturation point the calibrated model predicts, then more levels, each 35 % above the
 * last, until the real system is past saturation. Open-loop levels are rates; closed-loop
 * levels are populations sized from N* = X·(R + Z), spawned no faster than the event loop
 * can log them in.
 */
import type { ConfigDef } from './configs.js';
import { closedLevel, openLevel, tasksOf, type MeasuredLevel } from './levels.js';
import type { ModelInputs } from './model-build.js';
import type { ValidationPlan } from './plan.js';
import { lightResponseMs, predictedSaturation, type SimRun } from './predict.js';
import type { SystemUnderTest } from './sut.js';

export interface LevelPlan {
  readonly load: number;
  /** Closed loop: users started per second, and the warm-up that covers their spawning. */
  readonly spawnRate?: number;
  readonly warmupSec: number;
}

export interface ConfigMeasurement {
  /** The model's saturation throughput, which places the levels. */
  readonly estimate: number;
  readonly plans: readonly LevelPlan[];
  readonly levels: readonly MeasuredLevel[];
}

/** Warm-up of a level: long enough for the cache to reach its steady state (one TTL). */
export function levelWarmup(config: ConfigDef, plan: ValidationPlan, inputs: ModelInputs): number {
  return inputs.variant.cache && config.workload.kind === 'open' ? Math.max(plan.warmupSec, plan.cacheWarmupSec) : plan.warmupSec;
}

export async function measureConfig(sut: SystemUnderTest, inputs: ModelInputs, plan: ValidationPlan, sim: SimRun, file: string, log: (s: string) => void): Promise<ConfigMeasurement> {
  const config = inputs.config;
  const estimate = predictedSaturation(inputs, sim, file);
  log(`${config.name}: the model saturates at ${estimate.toFixed(1)} req/s`);
  if (config.workload.kind === 'closed') return measureClosed(sut, inputs, plan, estimate, log);
  const { tasks } = tasksOf(config, plan);
  const warmupSec = levelWarmup(config, plan, inputs);
  const plans: LevelPlan[] = plan.levels.map((f) => ({ load: f * estimate, warmupSec }));
  const levels: MeasuredLevel[] = [];
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!;
    const level = await openLevel(sut, tasks, p.load, p.warmupSec, plan.durationSec, `${config.name}-level-${i}`, plan.quietMaxSec);
    levels.push(level);
    log(`${config.name}: ${p.load.toFixed(1)} req/s → ${describe(level)}`);
    const last = i === plans.length - 1;
    if (last && !saturated(level) && plans.length < plan.levels.length + plan.maxExtraLevels) plans.push({ load: p.load * 1.35, warmupSec });
  }
  return { estimate, plans, levels };
}

/** The real system no longer keeps up: it served under 95 % of what was sent. */
export function saturated(l: MeasuredLevel): boolean {
  return (l.figures.throughput ?? 0) < 0.95 * (l.sentRate ?? l.load);
}

async function measureClosed(sut: SystemUnderTest, inputs: ModelInputs, plan: ValidationPlan, estimate: number, log: (s: string) => void): Promise<ConfigMeasurement> {
  const config = inputs.config;
  if (config.workload.kind !== 'closed') throw new Error(`${config.name} is not a closed-loop configuration`);
  const r0 = lightResponseMs(config.workload.tasks, inputs.demands, inputs.client.closed.mean) / 1000;
  const nStar = estimate * (r0 + plan.thinkSec);
  const login = inputs.demands.get(config.workload.onStart);
  const maxSpawn = login === undefined ? Infinity : 500 / Math.max(login.loop, 0.01); // half the loop for logins
  const levelFor = (users: number) => {
    const spawnRate = Math.min(users / (0.5 * plan.warmupSec), maxSpawn);
    return { load: users, spawnRate, warmupSec: Math.max(plan.warmupSec, users / spawnRate + 1) };
  };
  const plans: LevelPlan[] = plan.userLevels.map((f) => levelFor(Math.max(1, Math.round(f * nStar))));
  const levels: MeasuredLevel[] = [];
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!;
    levels.push(await closedLevel(sut, config, plan, p.load, p.spawnRate!, p.warmupSec, `${config.name}-level-${i}`));
    log(`${config.name}: ${p.load} users → ${describe(levels[i]!)}`);
    const last = i === plans.length - 1;
    if (last && !plateaued(levels) && plans.length < plan.userLevels.length + plan.maxExtraLevels) plans.push(levelFor(Math.round(p.load * 1.4)));
  }
  return { estimate, plans, levels };
}

/** A closed loop has hit its bottleneck: the last population, 30 % larger or more than the
 * one before, gained under 10 % more throughput. */
export function plateaued(levels: readonly MeasuredLevel[]): boolean {
  const [a, b] = levels.slice(-2);
  return a !== undefined && b !== undefined && b.load >= 1.3 * a.load && (b.figures.throughput ?? 0) < 1.1 * (a.figures.throughput ?? 0);
}

function describe(l: MeasuredLevel): string {
  const f = l.figures;
  const ms = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  return `${(f.throughput ?? 0).toFixed(1)} req/s, p50 ${ms(f.p50)} p95 ${ms(f.p95)} p99 ${ms(f.p99)} ms, pool wait ${ms(f.poolWaitMs)} ms`
    + `${f.hitRatio === null ? '' : `, hit ratio ${(f.hitRatio * 100).toFixed(1)}%`}${l.errors > 0 ? `, ${l.errors} errors` : ''}`
    + `; per request: loop ${ms(l.loopMsPerRequest)}, pg ${ms(l.pgMsPerRequest)}, driver ${ms(l.driverMsPerRequest)} ms`
    + `${l.otherCores === null ? '' : `; others used ${l.otherCores.toFixed(2)} cores`}`;
}
