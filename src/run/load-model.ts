/**
 * Load a model file through the named phases — read → validate → normalize — plus its price
 * book, and fingerprint it. Throws ModelErrors (the catalogue) for any user mistake; the
 * CLI prints them and exits 2.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { ModelError, ModelErrors } from '../model/errors.js';
import { listOf, type PathSegment } from '../model/format.js';
import { readDocument, type LoadedDocument } from '../model/load.js';
import { normalize, type NormalizedModel } from '../model/normalize.js';
import { positionOf } from '../model/positions.js';
import { loadPrices, priceFileFor, type LoadedPrices } from '../model/prices.js';
import { modelSchema } from '../model/schema/model.js';
import { didYouMean } from '../model/suggest.js';
import { validateDocument } from '../model/validate.js';

export interface LoadedModel {
  readonly file: string;
  readonly model: NormalizedModel;
  readonly prices: LoadedPrices;
  /** sha256 (first 16 hex digits) of the validated model and its prices: what reproduces a run. */
  readonly hash: string;
}

export function loadModel(file: string): LoadedModel {
  const doc = readDocument(file);
  if (!doc.ok) throw doc.errors;
  return loadModelDocument(doc.value);
}

/** Load from an already-read document — e.g. a model with an experiment's overlay applied
 * to `doc.data` (positions then still point at the base model's lines where they exist). */
export function loadModelDocument(document: LoadedDocument): LoadedModel {
  const file = document.file;
  const doc = { value: document };
  const valid = validateDocument(modelSchema, doc.value);
  if (!valid.ok) throw valid.errors;
  const norm = normalize(valid.value, file, doc.value);
  if (!norm.ok) throw norm.errors;
  const prices = loadPrices(priceFileFor(file, valid.value.prices));
  checkInstanceTypes(valid.value.components as Record<string, unknown>, prices, doc.value, file);
  const hash = createHash('sha256')
    .update(JSON.stringify({ model: valid.value, prices: { asOf: prices.asOf, table: prices.types.map((t) => [t, prices.perHour(t)]) } }))
    .digest('hex')
    .slice(0, 16);
  return { file, model: norm.value, prices, hash };
}

/** Every `instance_type` anywhere in a component's config must be in the price book. */
function checkInstanceTypes(components: Record<string, unknown>, prices: LoadedPrices, doc: LoadedDocument, file: string): void {
  const errors: ModelError[] = [];
  const walk = (value: unknown, path: PathSegment[]): void => {
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      if (k === 'instance_type' && typeof v === 'string' && !prices.has(v)) {
        const at = [...path, k];
        const pos = positionOf(doc, at);
        errors.push(new ModelError({
          code: 'SIM_E_DANGLING_REF', file, path: at, line: pos.line, col: pos.col,
          detail: `instance type \`${v}\` is not in the price book ${relative(process.cwd(), prices.file) || prices.file}`,
          expected: `one of: ${listOf(prices.types.slice(0, 12))}${prices.types.length > 12 ? ', …' : ''}`,
          hint: didYouMean(v, prices.types) ?? 'add it to the price book, or give price_per_hour instead',
        }));
      } else {
        walk(v, [...path, k]);
      }
    }
  };
  walk(components, ['components']);
  if (errors.length > 0) throw new ModelErrors(errors);
}
