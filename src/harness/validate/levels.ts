/**
 * Driving the real system at a configuration's load levels: open-loop Poisson rates, or a
 * closed-loop population of Locust-style users, each level followed by a drain so the next
 * starts empty.
 */
import { between, zipfKeys, type TaskSpec } from '../driver/index.js';
import type { Figures } from './compare.js';
import type { ConfigDef } from './configs.js';
import { taskFor, type EndpointName } from './endpoints.js';
import { measuredFigures } from './figures.js';
import type { ValidationPlan } from './plan.js';
import type { SystemUnderTest } from './sut.js';
import { measureClosedLoop, measureOpenLoop, type ServerWindow } from './window.js';
import { taskContext } from './calibrate.js';
import { waitQuiet } from './quiet.js';

export interface MeasuredLevel {
  /** Offered rate (open loop) or users (closed loop). */
  readonly load: number;
  /** Open loop: the rate actually sent in the window (Poisson: differs from `load`). */
  readonly sentRate: number | null;
  readonly figures: Figures;
  /** Responses of any status per second, and the driver's own facts. */
  readonly responses: number;
  readonly errors: number;
  readonly driverCores: number;
  readonly lagP50Ms: number | null;
  /** Cores other processes on the machine used meanwhile. */
  readonly otherCores: number | null;
  /** Event-loop and Postgres CPU per request at this level (ms): how demand varies with load. */
  readonly loopMsPerRequest: number | null;
  readonly pgMsPerRequest: number | null;
  /** The driver's CPU per response (ms): its share of the core it has with the API. */
  readonly driverMsPerRequest: number | null;
}

const driverPerRequest = (cores: number, responses: number) => (responses > 0 ? (cores * 1000) / responses : null);

function perRequest(server: ServerWindow): { loopMsPerRequest: number | null; pgMsPerRequest: number | null } {
  const n = Object.values(server.stats.routes).reduce((a, r) => a + r.count, 0);
  if (n === 0) return { loopMsPerRequest: null, pgMsPerRequest: null };
  return { loopMsPerRequest: server.loopMs / n, pgMsPerRequest: server.pgMs === null ? null : server.pgMs / n };
}

/** The driver tasks of a configuration (closed loop: on_start first, then the weighted mix). */
export function tasksOf(config: ConfigDef, plan: ValidationPlan): { onStart: TaskSpec[]; tasks: TaskSpec[] } {
  const ctx = taskContext(plan);
  const userKeys = zipfKeys(plan.zipfS, ctx.users);
  const w = config.workload;
  if (w.kind === 'open') return { onStart: [], tasks: [taskFor(w.endpoint, ctx, { userKeys })] };
  const tasks = (Object.entries(w.tasks) as [EndpointName, number][]).map(([e, weight]) => ({ ...taskFor(e, ctx, { userKeys }), weight }));
  return { onStart: [taskFor(w.onStart, ctx)], tasks };
}

export async function openLevel(sut: SystemUnderTest, tasks: TaskSpec[], rate: number, warmupSec: number, durationSec: number, seed: string, quietSec = 0): Promise<MeasuredLevel> {
  await waitQuiet(sut, quietSec);
  const m = await measureOpenLoop(sut, { target: sut.api.url, tasks, rate, arrival: 'poisson', warmupSec, durationSec, seed, timeoutMs: 15_000 });
  await sut.drain(300);
  return {
    load: rate,
    sentRate: m.driver.sentRate,
    figures: measuredFigures(m.driver.overall, m.server.stats),
    responses: m.driver.throughput,
    errors: m.driver.overall.errorCount,
    driverCores: m.driver.driver.cpuCores,
    lagP50Ms: m.driver.schedule.lag.p50,
    otherCores: m.server.otherCores,
    ...perRequest(m.server),
    driverMsPerRequest: driverPerRequest(m.driver.driver.cpuCores, m.driver.throughput),
  };
}

export async function closedLevel(
  sut: SystemUnderTest, config: ConfigDef, plan: ValidationPlan, users: number, spawnRate: number, warmupSec: number, seed: string,
): Promise<MeasuredLevel> {
  const { onStart, tasks } = tasksOf(config, plan);
  await waitQuiet(sut, plan.quietMaxSec);
  const m = await measureClosedLoop(sut, {
    target: sut.api.url, users, spawnRate, onStart, tasks, think: between(plan.thinkSec / 2, plan.thinkSec * 1.5),
    warmupSec, durationSec: plan.durationSec, seed, timeoutMs: 15_000,
  });
  await sut.drain(300);
  return {
    load: users,
    sentRate: null,
    figures: measuredFigures(m.driver.overall, m.server.stats),
    responses: m.driver.throughput,
    errors: m.driver.overall.errorCount,
    driverCores: m.driver.driver.cpuCores,
    lagP50Ms: null,
    otherCores: m.server.otherCores,
    ...perRequest(m.server),
    driverMsPerRequest: driverPerRequest(m.driver.driver.cpuCores, m.driver.throughput),
  };
}
