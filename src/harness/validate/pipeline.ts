/**
 * `stacksim validate`, end to end:
 *
 *   Postgres (shared, pinned) ─▶ per system variant: API process (pinned) ─▶ JIT warm-up
 *     ─▶ calibration (demands) ─▶ model per configuration ─▶ saturation ramp ─▶ levels
 *   ─▶ after all measuring: simulate every level ─▶ compare ─▶ validation.json, model-*.yaml, report.html
 *
 * Nothing is simulated while the real system is measured except the saturation estimates,
 * which run between measurements: the simulator's CPU must not disturb the figures.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { machineFacts } from '../driver/index.js';
import { calibrate, probesFor, warmUp, type CalibrationRun, type ClientSide } from './calibrate.js';
import { TARGETS, tallyVerdicts } from './compare.js';
import { CONFIGS, VARIANTS, endpointsOf, systemOptions, type ConfigDef, type ConfigName, type VariantName } from './configs.js';
import { startDatabase } from './database.js';
import type { Demand } from './demand.js';
import { cpuLayout } from './layout.js';
import { ownNice, renice, reniceTree } from './pin.js';
import { measureConfig, type ConfigMeasurement } from './measure-config.js';
import { modelYaml, type ModelInputs } from './model-build.js';
import type { ValidationPlan } from './plan.js';
import { composeConfig, modelTraffic, simRunFor } from './compose.js';
import { writeReport } from './report.js';
import type { ValidationResult } from './result.js';
import { startSystemUnderTest } from './sut.js';

export interface ValidateOptions {
  readonly plan: ValidationPlan;
  readonly outDir: string;
  /** Pin the API and Postgres to their own cores with taskset (default true, where possible). */
  readonly pin?: boolean;
  readonly configs?: readonly ConfigName[];
  readonly databaseUrl?: string;
  /** Nice value for the API, Postgres and the driver (e.g. -10 on a machine shared with other
   * work; negative values need root); undefined leaves priorities alone. */
  readonly nice?: number;
  readonly log?: (line: string) => void;
}

/** The cache variant first: its get_user hit and miss paths give every model its visit split. */
const VARIANT_ORDER: readonly VariantName[] = ['pool10-cache', 'pool10', 'pool2'];
const POPULAR_TTL_MS = 10_000; // the API's default cache.popularTtlMs

export async function runValidation(o: ValidateOptions): Promise<ValidationResult> {
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const out = o.log ?? (() => undefined);
  const log = (line: string) => out(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const plan = o.plan;
  const configs = CONFIGS.filter((c) => o.configs === undefined || o.configs.includes(c.name));
  if (configs.length === 0) throw new RangeError(`configs = ${JSON.stringify(o.configs)} is not allowed: expected names from ${CONFIGS.map((c) => c.name).join(', ')}`);
  const layout = await cpuLayout(o.pin ?? true);
  await mkdir(o.outDir, { recursive: true });
  log(`CPU layout: ${layout.note}`);

  const db = await startDatabase({ databaseUrl: o.databaseUrl, durable: true, maxConnections: 100, cpus: layout.postgres ?? undefined });
  const niceBefore = ownNice();
  if (o.nice !== undefined) {
    if (db.pid !== undefined) reniceTree(db.pid, o.nice);
    renice(process.pid, o.nice);
  }
  const calibration: Record<string, { idle: { loopMsPerSec: number; pgMsPerSec: number }; client: ClientSide; runs: readonly CalibrationRun[] }> = {};
  const measured = new Map<ConfigName, { inputs: ModelInputs; m: ConfigMeasurement }>();
  let split = { first: 1, perQuery: 1 };
  try {
    const variants = VARIANT_ORDER.filter((v) => configs.some((c) => c.variant === v));
    for (const [i, name] of variants.entries()) {
      const variant = VARIANTS[name];
      const mine = configs.filter((c) => c.variant === name);
      log(`${name}: starting the API (pool ${variant.poolSize}, cache ${variant.cache ? 'on' : 'off'})${i === 0 ? ' and seeding' : ''}`);
      const sut = await startSystemUnderTest(db, systemOptions(variant, plan, i === 0), layout.api ?? undefined, o.nice);
      try {
        const probes = probesFor([...new Set(mine.flatMap(endpointsOf))], variant.cache, plan);
        await warmUp(sut, probes, plan.jitWarmupSec);
        const { runs, client } = await calibrate(sut, probes, plan);
        calibration[name] = { idle: sut.idle, client, runs };
        log(`${name}: client side ${client.open.mean.toFixed(3)} ms open loop (sd ${client.open.sd.toFixed(3)}, schedule lag ${client.lag.mean.toFixed(3)}), ${client.closed.mean.toFixed(3)} ms closed loop`);
        for (const r of runs) log(`${name}: calibrated ${r.key} at ${r.rate.toFixed(0)} req/s: ${describeDemand(r.demand)}`);
        const demands = new Map<string, Demand>(runs.map((r) => [r.key, r.demand]));
        if (variant.cache) split = splitFrom(demands) ?? split;
        for (const config of mine) {
          const inputs: ModelInputs = { config, variant, plan, demands, split, client, cores: layout.modelCores, popularTtlMs: POPULAR_TTL_MS };
          measured.set(config.name, { inputs, m: await measureConfig(sut, inputs, plan, simRunFor(config, plan, plan.warmupSec), modelFile(o.outDir, config), log) });
        }
      } finally {
        await sut.stop();
      }
    }
  } finally {
    await db.stop();
    if (o.nice !== undefined) renice(process.pid, niceBefore);
  }

  const results = [];
  for (const config of configs) {
    const entry = measured.get(config.name);
    if (entry === undefined) continue;
    log(`${config.name}: simulating ${entry.m.levels.length} levels`);
    const result = composeConfig(entry.inputs, entry.m, plan, modelFile(o.outDir, config));
    await writeFile(modelFile(o.outDir, config), modelFileText(entry.inputs, entry.m, plan));
    results.push(result);
  }
  const verdicts = results.flatMap((r) => r.levels.map((l) => l.verdict));
  const saturation = results.map((r) => r.saturation.withinTarget).filter((x): x is boolean => x !== null);
  const result: ValidationResult = {
    kind: 'stacksim-validation',
    plan: plan.name,
    startedAt,
    wallSec: (performance.now() - t0) / 1000,
    machine: machineFacts(),
    layout,
    targets: { ...TARGETS, loadShare: 0.8 },
    calibration,
    configurations: results,
    summary: { levels: tallyVerdicts(verdicts), saturation: { checked: saturation.length, passed: saturation.filter(Boolean).length } },
  };
  await writeFile(join(o.outDir, 'validation.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeReport(result, join(o.outDir, 'report.html'));
  return result;
}

function modelFile(outDir: string, config: ConfigDef): string {
  return join(outDir, `model-${config.name}.yaml`);
}

/** The model file as published: the traffic of the last level held to the targets. */
function modelFileText(inputs: ModelInputs, m: ConfigMeasurement, plan: ValidationPlan): string {
  const at = Math.max(0, plan.levels.filter((f) => f <= 0.8).length - 1);
  const lp = m.plans[at] ?? m.plans[0]!;
  const header = [
    `${inputs.config.title} — calibrated model written by \`stacksim validate\` (${plan.name} plan).`,
    `Exercises: ${inputs.config.exercises}. Demands were measured on the real API at light load:`,
    'event-loop busy time per request (performance.eventLoopUtilization, net of idle), Postgres CPU',
    'per query (/proc), query time beyond Postgres CPU, and the client side of the latency.',
    `Traffic: level ${at + 1} of the validation (${lp.load.toFixed(1)} ${inputs.config.workload.kind === 'open' ? 'req/s' : 'users'}).`,
  ].join('\n');
  return modelYaml(inputs, modelTraffic(inputs.config, lp, plan), simRunFor(inputs.config, plan, lp.warmupSec), header);
}

/** Event-loop weights of the first visit and of each query-result visit, from GET /users/{id}:
 * a cache hit is the first visit alone; a miss adds one query and its result's visit. */
function splitFrom(demands: ReadonlyMap<string, Demand>): { first: number; perQuery: number } | undefined {
  const hit = demands.get('get_user:hit');
  const miss = demands.get('get_user:miss');
  if (hit === undefined || miss === undefined || !(hit.loop > 0)) return undefined;
  return { first: hit.loop, perQuery: Math.max(0.05 * hit.loop, miss.loop - hit.loop) };
}

function describeDemand(d: Demand): string {
  const f = (x: number) => x.toFixed(3);
  return `loop ${f(d.loop)} ms (handler ${f(d.handler.mean)}, wake ${f(d.wake)}), pg ${f(d.pg)} ms, db latency ${f(d.dbLatency)} ms (cv ${d.queryCv.toFixed(2)}), ${d.requests} requests`;
}
