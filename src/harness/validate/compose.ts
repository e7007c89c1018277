/**
 * One configuration's result: each measured level simulated with the same traffic, the
 * relative errors and verdicts, and the saturation point measured against the model's.
 */
import { errorsOf, relativeError, TARGETS, verdictOf } from './compare.js';
import type { ConfigDef } from './configs.js';
import { plateaued, saturated, type LevelPlan, type ConfigMeasurement } from './measure-config.js';
import type { ModelInputs, Traffic } from './model-build.js';
import type { ValidationPlan } from './plan.js';
import { predictLevel, type SimRun } from './predict.js';
import type { ConfigResult, LevelResult, SaturationResult } from './result.js';

/** Simulated time per level: long, after a warm-up covering spawning and two cache TTLs. */
export function simRunFor(config: ConfigDef, plan: ValidationPlan, levelWarmupSec: number): SimRun {
  const cache = config.variant === 'pool10-cache' ? (2 * plan.cache.ttlMs) / 1000 : 0;
  return { duration: plan.simDurationSec, warmup: Math.max(5, levelWarmupSec + 1, cache) };
}

/** The model's traffic for a level: the rate the driver really sent (a Poisson schedule's
 * realised rate differs from the nominal one), or the same users, think time and spawning. */
export function modelTraffic(config: ConfigDef, level: LevelPlan, plan: ValidationPlan, sentRate?: number | null): Traffic {
  if (config.workload.kind === 'open') return { kind: 'open', rate: sentRate ?? level.load };
  return { kind: 'closed', users: level.load, thinkSec: plan.thinkSec, spawnRate: level.spawnRate ?? level.load };
}

function saturationOf(config: ConfigDef, m: ConfigMeasurement): SaturationResult {
  const measured = Math.max(0, ...m.levels.map((l) => l.figures.throughput ?? 0));
  const reached = config.workload.kind === 'open' ? m.levels.some(saturated) : plateaued(m.levels);
  const error = relativeError(m.estimate, measured);
  return { measured, predicted: m.estimate, error, withinTarget: reached && error !== null ? Math.abs(error) <= TARGETS.saturation : null, reached };
}

export function composeConfig(inputs: ModelInputs, m: ConfigMeasurement, plan: ValidationPlan, file: string): ConfigResult {
  const config = inputs.config;
  const saturation = saturationOf(config, m);
  const levels: LevelResult[] = m.levels.map((level, i) => {
    const lp = m.plans[i]!;
    const predicted = predictLevel(inputs, modelTraffic(config, lp, plan, level.sentRate), simRunFor(config, plan, lp.warmupSec), file);
    const errors = errorsOf(predicted, level.figures);
    const load = config.workload.kind === 'open' ? level.load : (level.figures.throughput ?? 0);
    const share = saturation.measured > 0 ? load / saturation.measured : Infinity;
    return {
      load: level.load, share, measured: level.figures, predicted, errors, verdict: verdictOf(errors, share),
      context: {
        driverCores: level.driverCores, lagP50Ms: level.lagP50Ms, errors: level.errors, otherCores: level.otherCores,
        loopMsPerRequest: level.loopMsPerRequest, pgMsPerRequest: level.pgMsPerRequest, driverMsPerRequest: level.driverMsPerRequest,
      },
    };
  });
  return {
    name: config.name, title: config.title, exercises: config.exercises, variant: config.variant, workload: config.workload,
    loadUnit: config.workload.kind === 'open' ? 'req/s' : 'users', model: `model-${config.name}.yaml`, saturation, levels,
  };
}
