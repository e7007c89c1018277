/**
 * What the calibrated model predicts: its saturation throughput (a closed loop of many users
 * with no think time, so the bottleneck sets the pace) and its figures at each measured
 * level, each level simulated with the same traffic the real system was given.
 */
import type { RunSummary } from '../../metrics/summary.js';
import type { Figures } from './compare.js';
import { ENDPOINTS, type EndpointName } from './endpoints.js';
import { predictedFigures, simulateYaml } from './figures.js';
import { modelYaml, type ModelInputs, type Traffic } from './model-build.js';
import type { Demand } from './demand.js';

export interface SimRun {
  readonly duration: number;
  readonly warmup: number;
}

const SATURATE_USERS = 64;

export function simulateModel(inputs: ModelInputs, traffic: Traffic, run: SimRun, file: string): RunSummary {
  return simulateYaml(modelYaml(inputs, traffic, run, ''), file, run);
}

/**
 * Throughput of the model when it is kept fully busy: N users with no think time, so by
 * Little's law X = N / R. (Counting responses would miss the N requests still in flight at
 * the end of the window, a bias of R / duration.)
 */
export function predictedSaturation(inputs: ModelInputs, run: SimRun, file: string): number {
  const s = simulateModel(inputs, { kind: 'saturate', users: SATURATE_USERS }, run, file);
  const meanMs = s.overall.latencyMs.mean;
  return meanMs === null || !(meanMs > 0) ? 0 : SATURATE_USERS / (meanMs / 1000);
}

export function predictLevel(inputs: ModelInputs, traffic: Traffic, run: SimRun, file: string): Figures {
  return predictedFigures(simulateModel(inputs, traffic, run, file));
}

/**
 * Mean response time at light load of a mix, from its demands: what a closed-loop user adds
 * to its think time per cycle, for sizing the population that saturates (N* = X·(R + Z)).
 */
export function lightResponseMs(weights: Readonly<Partial<Record<EndpointName, number>>>, demands: ReadonlyMap<string, Demand>, clientMs: number): number {
  let sum = 0;
  let total = 0;
  for (const [e, w] of Object.entries(weights) as [EndpointName, number][]) {
    const d = demands.get(e) ?? demands.get(`${e}:hit`) ?? demands.get(`${e}:miss`);
    if (d === undefined || ENDPOINTS[e] === undefined) continue;
    sum += w * (clientMs + d.loop + d.pg + d.dbLatency + d.cache);
    total += w;
  }
  return total > 0 ? sum / total : 0;
}
