/**
 * Loading an experiment: read → validate (zod, catalogue errors) → read the models it names
 * → cross-check names (baseline, axes, time series) → compose and validate every strategy at
 * every point it will run, so a bad overlay or sweep value fails before any simulation.
 * Throws ModelErrors listing everything found; the CLI prints them and exits 2.
 */
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, join } from 'node:path';
import { ModelError, ModelErrors } from '../model/errors.js';
import type { PathSegment } from '../model/format.js';
import { readDocument, type LoadedDocument } from '../model/load.js';
import { validateDocument } from '../model/validate.js';
import { loadModelDocument, type LoadedModel } from '../run/load-model.js';
import { composeModel } from './compose.js';
import { checkNames } from './names-check.js';
import { experimentSchema, type ExperimentConfig } from './schema.js';
import { experimentError, type AxisSetup, type ExperimentOverrides, type LoadedExperiment, type StrategySetup } from './setup.js';
import { axisValues, pointKey, sweepPoints, type Point } from './sweep.js';
import type { Frozen } from '../model/validate.js';

export interface LoadOptions {
  overrides?: ExperimentOverrides;
  /** Compose and validate every scenario's model now (default true; workers skip it). */
  checkAll?: boolean;
}

export function loadExperiment(file: string, options: LoadOptions = {}): LoadedExperiment {
  const read = readDocument(file);
  if (!read.ok) throw read.errors;
  const doc = read.value;
  const valid = validateDocument(experimentSchema, doc);
  if (!valid.ok) throw valid.errors;
  const config = valid.value;
  const documents = new Map<string, LoadedDocument>();
  const strategies = readStrategies(doc, config, documents);
  const plain = [...documents.values()].map((d) => loadModelDocument(d));
  const axes = axesOf(config);
  const names = checkNames(doc, config, axes);
  if (names.errors.length > 0) throw new ModelErrors(names.errors);

  const base = plain[0]!.model.run;
  const o = options.overrides ?? {};
  const settings = {
    seed: o.seed ?? config.seed ?? base.seed,
    replications: o.replications ?? config.replications,
    duration: o.duration ?? config.duration ?? base.duration,
    warmup: o.warmup ?? config.warmup ?? base.warmup,
  };
  if (!(settings.duration > 0)) {
    const detail = 'a scenario needs measured time to report rates';
    throw new ModelErrors([config.duration === settings.duration && o.duration === undefined
      ? experimentError(doc, ['duration'], { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 2m', detail })
      : new ModelError({ code: 'SIM_E_INVALID_VALUE', file, path: 'duration', expected: 'a duration > 0, e.g. 2m', detail })]);
  }
  const cache = new Map<string, LoadedModel>();
  const axisNames = axes.map((a) => a.name);
  const modelFor = (strategy: string, point: Point): LoadedModel => {
    const key = `${strategy}|${pointKey(point, axisNames)}`;
    let m = cache.get(key);
    if (m === undefined) {
      const s = strategies.find((x) => x.name === strategy);
      if (s === undefined) throw new Error(`experiment: no strategy ${strategy}`);
      m = composeModel(doc, s, axes, point);
      cache.set(key, m);
    }
    return m;
  };
  const points = sweepPoints(axes);
  const loaded: LoadedExperiment = {
    file, document: doc, config, settings, axes, points, strategies, modelFor,
    hash: hashOf(doc.text, plain),
    baseline: config.baseline ?? strategies[0]!.name,
    slos: config.slo,
    tenX: names.tenX,
    timeseries: names.timeseries,
  };
  if (options.checkAll ?? true) checkEveryScenario(loaded);
  return loaded;
}

/** Each strategy's starting document; model files are read once however many use them. */
function readStrategies(doc: LoadedDocument, config: Frozen<ExperimentConfig>, documents: Map<string, LoadedDocument>): StrategySetup[] {
  const errors: ModelError[] = [];
  const read = (rel: string, at: PathSegment[]): LoadedDocument | undefined => {
    const path = isAbsolute(rel) ? rel : join(dirname(doc.file), rel);
    const known = documents.get(path);
    if (known !== undefined) return known;
    const r = readDocument(path);
    if (r.ok) {
      documents.set(path, r.value);
      return r.value;
    }
    const missing = r.errors.errors.find((e) => e.code === 'SIM_E_FILE_NOT_FOUND' || e.code === 'SIM_E_FILE_UNREADABLE');
    if (missing === undefined) throw r.errors;
    errors.push(experimentError(doc, at, {
      code: missing.code, detail: `model file ${path}: ${missing.detail ?? 'cannot be read'}`,
      expected: 'a model file, relative to the experiment file', ...(missing.hint && { hint: missing.hint }),
    }));
    return undefined;
  };
  const base = read(config.model, ['model']);
  const out = Object.entries(config.strategies).flatMap(([name, s]): StrategySetup[] => {
    const document = s.model === undefined ? base : read(s.model, ['strategies', name, 'model']);
    if (document === undefined) return [];
    const set = Object.entries(s.set ?? {}).map(([path, value]) => ({ path, value }));
    return [{ name, check: s.check ?? false, document, set, ...(s.description !== undefined && { description: s.description }) }];
  });
  if (errors.length > 0) throw new ModelErrors(errors);
  return out;
}

function axesOf(config: Frozen<ExperimentConfig>): AxisSetup[] {
  return Object.entries(config.sweep ?? {}).map(([name, a]) => ({
    name,
    label: a.label ?? name,
    path: a.path,
    unit: a.unit ?? null,
    values: axisValues(a.values as number[] | { from: number; to: number; step: number }),
  }));
}

/** Every strategy at every point it will run at: sweep points, 10x points, time series. */
function checkEveryScenario(exp: LoadedExperiment): void {
  const points = [...exp.points, ...(exp.tenX ? [exp.tenX.base, exp.tenX.tenX] : [])];
  const errors: ModelError[] = [];
  const attempt = (strategy: string, point: Point) => {
    try {
      exp.modelFor(strategy, point);
    } catch (err) {
      if (!(err instanceof ModelErrors)) throw err;
      errors.push(...err.errors);
    }
  };
  for (const s of exp.strategies) for (const p of points) attempt(s.name, p);
  for (const t of exp.timeseries) attempt(t.strategy, t.point);
  if (errors.length > 0) throw new ModelErrors(errors);
}

function hashOf(text: string, models: readonly LoadedModel[]): string {
  const h = createHash('sha256').update(text);
  for (const m of models) h.update(`\u0000${m.hash}`);
  return h.digest('hex').slice(0, 16);
}
