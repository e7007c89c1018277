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
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { machineFacts } from '../driver/index.js';
import { calibrate, probesFor, warmUp, type ClientSide } from './calibrate.js';
import { TARGETS, tallyVerdicts } from './compare.js';
import { CONFIGS, VARIANTS, endpointsOf, systemOptions, type ConfigDef, type ConfigName, type VariantName } from './configs.js';
import { startDatabase } from './database.js';
import type { Demand } from './demand.js';
import { cpuLayout } from './layout.js';
import { affinityOf, ownNice, pin, renice, reniceTree } from './pin.js';
import { measureConfig, type ConfigMeasurement } from './measure-config.js';
import { predictedSaturation } from './predict.js';
import { modelYaml, type ModelInputs } from './model-build.js';
import { FULL, QUICK, type ValidationPlan } from './plan.js';
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
  /** How the models treat the core's fitted wake-up cost (see WAKE_MODELS); default off. */
  readonly wakeModel?: WakeModel;
}

/** The cache and queue variants last: their workloads record interactions, which makes the popular
 * items' aggregation (the pool configurations) read more rows for the rest of the run. */
const VARIANT_ORDER: readonly VariantName[] = ['pool2', 'pool10', 'pool10-cache', 'pool10-queue'];
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
  const affinityBefore = layout.driver === null ? null : await affinityOf(process.pid);
  if (layout.driver !== null) await pin(process.pid, layout.driver);
  if (o.nice !== undefined) {
    if (db.pid !== undefined) reniceTree(db.pid, o.nice);
    renice(process.pid, o.nice);
  }
  const calibration: Record<string, ValidationResult['calibration'][string]> = {};
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
        if (sut.checkpointError !== null) log(`${name}: CHECKPOINT before measuring failed (${sut.checkpointError}); background writes may be charged to the queries`);
        log(`${name}: API up; warming up, then calibrating ${probes.length} endpoint paths`);
        await warmUp(sut, probes, plan.jitWarmupSec);
        const { runs, client, wake } = await calibrate(sut, probes, plan, (line) => log(`${name}: ${line}`));
        calibration[name] = { idle: sut.idle, client, runs, wake };
        log(`${name}: ${wake === null ? 'no wake-up cost found' : `core wake-up fitted${(o.wakeModel ?? 'off') === 'off' ? ' (reported, not used by the model)' : ''}: ${wake.costMs.toFixed(3)} ms after ${wake.afterIdleMs.toFixed(3)} ms idle (fit error ${(100 * wake.rmse).toFixed(1)} %, ${(100 * wake.rmseWithout).toFixed(1)} % without, ${wake.points} windows)`}`);
        log(`${name}: client side ${client.open.mean.toFixed(3)} ms open loop (sd ${client.open.sd.toFixed(3)}, schedule lag ${client.lag.mean.toFixed(3)}), ${client.closed.mean.toFixed(3)} ms closed loop`);
        for (const r of runs) log(`${name}: calibrated ${r.key} at ${r.rate.toFixed(0)} req/s: ${describeDemand(r.demand)}`);
        const demands = new Map<string, Demand>(runs.map((r) => [r.key, r.demand]));
        if (variant.cache) split = splitFrom(demands) ?? split;
        for (const config of mine) {
          const inputs: ModelInputs = { config, variant, plan, demands, split, client, wake: null, cores: layout.modelCores, popularTtlMs: POPULAR_TTL_MS };
          measured.set(config.name, { inputs, m: await measureConfig(sut, inputs, plan, simRunFor(config, plan, plan.warmupSec), modelFile(o.outDir, config), log) });
        }
      } finally {
        await sut.stop();
      }
    }
  } finally {
    await db.stop();
    if (o.nice !== undefined) renice(process.pid, niceBefore);
    if (affinityBefore !== null) await pin(process.pid, affinityBefore);
  }

  const saved: SavedMeasurements = {
    kind: 'stacksim-validation-measurements', plan: plan.name, startedAt, measureSec: (performance.now() - t0) / 1000,
    machine: machineFacts(), layout, calibration, split,
    configs: configs.flatMap((c) => {
      const e = measured.get(c.name);
      return e === undefined ? [] : [{ name: c.name, demands: Object.fromEntries(e.inputs.demands), client: e.inputs.client, cores: e.inputs.cores, popularTtlMs: e.inputs.popularTtlMs, measurement: e.m }];
    }),
  };
  await writeFile(join(o.outDir, MEASUREMENTS_FILE), `${JSON.stringify(saved)}\n`);
  return publish(saved, o.outDir, log, performance.now() - t0, o.wakeModel ?? 'off');
}

/** The measurements a run took, enough to simulate its levels again: the model can be improved
 * and re-checked (`stacksim validate --predict DIR`) without measuring the real system again. */
export interface SavedMeasurements {
  readonly kind: 'stacksim-validation-measurements';
  readonly plan: ValidationPlan['name'];
  readonly startedAt: string;
  readonly measureSec: number;
  readonly machine: ReturnType<typeof machineFacts>;
  readonly layout: Awaited<ReturnType<typeof cpuLayout>>;
  readonly calibration: ValidationResult['calibration'];
  readonly split: ModelInputs['split'];
  readonly configs: readonly {
    readonly name: ConfigName;
    readonly demands: Readonly<Record<string, Demand>>;
    readonly client: ClientSide;
    readonly cores: ModelInputs['cores'];
    readonly popularTtlMs: number;
    readonly measurement: ConfigMeasurement;
  }[];
}

export const MEASUREMENTS_FILE = 'measurements.json';

/**
 * `wakeModel`: whether the models charge the core's fitted wake-up cost (wake-fit.ts) instead of the
 * marginal CPU per request, and where (before or after the callback that woke the core).
 * Off by default (`--wake-model` chooses): on this machine the fit did not
 * extrapolate beyond the calibration rates (see the README's known limits). The fit is
 * computed and saved with every run, so `--predict` can compare the three.
 */
export const WAKE_MODELS = ['off', 'before', 'after'] as const;
export type WakeModel = (typeof WAKE_MODELS)[number];

function withWakeModel(inputs: ModelInputs, calibration: ValidationResult['calibration'][string] | undefined, charge: 'before' | 'after'): ModelInputs {
  if (calibration?.wake == null) return inputs;
  const demands = new Map(inputs.demands);
  for (const r of calibration.runs) if (r.awake !== undefined) demands.set(r.key, r.awake);
  return { ...inputs, demands, wake: { ...calibration.wake, charge } };
}

/** Simulate every measured level of a saved run with today's model and write the results. */
export async function predictAgain(dir: string, log: (line: string) => void = () => undefined, wakeModel: WakeModel = 'off'): Promise<ValidationResult> {
  const file = join(dir, MEASUREMENTS_FILE);
  let saved: SavedMeasurements;
  try {
    saved = JSON.parse(await readFile(file, 'utf8')) as SavedMeasurements;
  } catch (err) {
    throw new Error(`${file}: cannot read the saved measurements (${(err as Error).message}); run \`stacksim validate\` first`);
  }
  if (saved.kind !== 'stacksim-validation-measurements') throw new Error(`${file}: not a stacksim validation measurements file (kind ${JSON.stringify(saved.kind)})`);
  return publish(saved, dir, log, saved.measureSec * 1000, wakeModel);
}

async function publish(saved: SavedMeasurements, outDir: string, log: (line: string) => void, measureMs: number, wakeModel: WakeModel): Promise<ValidationResult> {
  const t0 = performance.now();
  const plan = saved.plan === 'quick' ? QUICK : FULL;
  const results = [];
  for (const entry of saved.configs) {
    const config = CONFIGS.find((c) => c.name === entry.name);
    if (config === undefined) throw new Error(`saved measurements name an unknown configuration ${JSON.stringify(entry.name)}`);
    log(`${config.name}: simulating ${entry.measurement.levels.length} levels`);
    // every model gets the visit split, known once the cache variant was calibrated
    const plain: ModelInputs = {
      config, variant: VARIANTS[config.variant], plan, demands: new Map(Object.entries(entry.demands)),
      split: saved.split, client: entry.client, wake: null, cores: entry.cores, popularTtlMs: entry.popularTtlMs,
    };
    const inputs = wakeModel === 'off' ? plain : withWakeModel(plain, saved.calibration[config.variant], wakeModel);
    // the saturation point as today's model sees it (the one that placed the levels may be older)
    const m = { ...entry.measurement, estimate: predictedSaturation(inputs, simRunFor(config, plan, plan.warmupSec), modelFile(outDir, config)) };
    results.push(composeConfig(inputs, m, plan, modelFile(outDir, config)));
    await writeFile(modelFile(outDir, config), modelFileText(inputs, m, plan));
  }
  const verdicts = results.flatMap((r) => r.levels.map((l) => l.verdict));
  const saturation = results.map((r) => r.saturation.withinTarget).filter((x): x is boolean => x !== null);
  const result: ValidationResult = {
    kind: 'stacksim-validation',
    plan: plan.name,
    startedAt: saved.startedAt,
    wallSec: (measureMs + performance.now() - t0) / 1000,
    machine: saved.machine,
    layout: saved.layout,
    targets: { ...TARGETS, loadShare: 0.8 },
    calibration: saved.calibration,
    configurations: results,
    summary: { levels: tallyVerdicts(verdicts), saturation: { checked: saturation.length, passed: saturation.filter(Boolean).length } },
  };
  await writeFile(join(outDir, 'validation.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeReport(result, join(outDir, 'report.html'));
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
  return `loop ${f(d.loop)} ms (handler ${f(d.handler.mean)}, wake ${f(d.wake)}), driver ${f(d.driver)} ms, pg ${f(d.pg)} ms, `
    + `db latency ${f(d.dbLatency)} ms (cv ${d.queryCv.toFixed(2)}), ${d.requests} requests`;
}
