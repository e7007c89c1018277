/**
 * One scenario's model: a strategy's model data with its `set:` overlay and the sweep
 * point's values written in, validated by the model catalogue. Overlays edit the plain data
 * before validation, so an error they cause is re-attributed to the experiment line that
 * wrote the value (naming the model field), not to a model line that does not contain it.
 */
import { ModelError, ModelErrors } from '../model/errors.js';
import { describeValue, formatNumber, formatPath, type PathSegment } from '../model/format.js';
import type { LoadedDocument } from '../model/load.js';
import { loadModelDocument, type LoadedModel } from '../run/load-model.js';
import { getAt, resolvePath, setAt } from './overlay.js';
import { experimentError, type AxisSetup, type StrategySetup } from './setup.js';
import type { Point } from './sweep.js';

/** Where an overlaid value came from: the model field and the experiment entry. */
interface Origin {
  modelPath: string;
  expPath: PathSegment[];
  what: string;
}

export function composeModel(expDoc: LoadedDocument, strategy: StrategySetup, axes: readonly AxisSetup[], point: Point): LoadedModel {
  const base = strategy.document;
  const data = structuredClone(base.data);
  const origins: Origin[] = [];
  const errors: ModelError[] = [];
  for (const { path, value } of strategy.set) {
    const expPath = ['strategies', strategy.name, 'set', path];
    const r = resolvePath(data, path);
    if (!r.ok) errors.push(pathError(expDoc, expPath, path, base.file, r, 'key'));
    else {
      setAt(data, r.path, value);
      origins.push({ modelPath: formatPath(r.path), expPath, what: `strategy \`${strategy.name}\` sets` });
    }
  }
  for (const axis of axes) {
    const expPath = ['sweep', axis.name, 'path'];
    const r = resolvePath(data, axis.path, true);
    if (!r.ok) {
      errors.push(pathError(expDoc, expPath, axis.path, base.file, r, 'value', `strategy \`${strategy.name}\`; a sweep can only replace a value the model writes out`));
      continue;
    }
    const v = point[axis.name]!;
    const unit = axis.unit ?? unitOf(getAt(data, r.path));
    setAt(data, r.path, unit === null ? v : `${formatNumber(v)}${unit}`);
    origins.push({ modelPath: formatPath(r.path), expPath: valuePath(expDoc, axis.name, v), what: `sweep axis \`${axis.name}\` = ${describeValue(unit === null ? v : `${formatNumber(v)}${unit}`)} sets` });
  }
  if (errors.length > 0) throw new ModelErrors(errors);
  try {
    return loadModelDocument({ ...base, data });
  } catch (err) {
    if (!(err instanceof ModelErrors)) throw err;
    throw new ModelErrors(err.errors.map((e) => reattribute(e, expDoc, base.file, origins, strategy.name)));
  }
}

/** The sweep value's own place in the file when the axis lists its values, else the list. */
function valuePath(expDoc: LoadedDocument, axis: string, v: number): PathSegment[] {
  const path: PathSegment[] = ['sweep', axis, 'values'];
  const written = getAt(expDoc.data, path);
  const i = Array.isArray(written) ? written.indexOf(v) : -1;
  return i >= 0 ? [...path, i] : path;
}

/** The unit a model value is written in (`200/s` → `/s`, `10ms` → `ms`), for bare sweep numbers. */
export function unitOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*(\/\s*[a-z]+|ns|us|µs|ms|s|m|min|h|d|%)\s*$/.exec(value);
  return m === null ? null : m[1]!.replace(/\s+/g, '');
}

function pathError(
  expDoc: LoadedDocument, expPath: PathSegment[], text: string, modelFile: string,
  r: { at: PathSegment[]; missing: string; expected: string; hint?: string }, part: 'key' | 'value', note?: string,
): ModelError {
  const where = r.at.length === 0 ? 'the top level' : `\`${formatPath(r.at)}\``;
  return experimentError(expDoc, expPath, {
    code: 'SIM_E_DANGLING_REF',
    detail: `path \`${text}\` is not in the model ${modelFile}: ${where} has no \`${r.missing}\`${note ? ` (${note})` : ''}`,
    expected: `at \`${formatPath(r.at) || '(top level)'}\`: ${r.expected}`,
    ...(r.hint && { hint: r.hint }),
  }, part);
}

/** An error the overlay caused points at the overlay; others note the strategy they came with. */
function reattribute(e: ModelError, expDoc: LoadedDocument, modelFile: string, origins: readonly Origin[], strategy: string): ModelError {
  if (e.file !== modelFile) return e;
  const under = (o: Origin) => e.path === o.modelPath || e.path.startsWith(`${o.modelPath}.`) || e.path.startsWith(`${o.modelPath}[`);
  // The last overlay of a path wins, as it did when the data was written.
  const origin = [...origins].reverse().find(under);
  if (origin === undefined) {
    return e.with({ detail: `with strategy \`${strategy}\` of ${expDoc.file}${e.detail ? `: ${e.detail}` : ''}` });
  }
  const said = `${origin.what} ${e.path} in ${modelFile}`;
  return experimentError(expDoc, origin.expPath, {
    code: e.code,
    detail: e.detail ? `${said}: ${e.detail}` : said,
    ...(e.expected !== undefined && { expected: e.expected }),
    ...(e.got !== undefined && { got: e.got }),
    ...(e.hint !== undefined && { hint: e.hint }),
  });
}
