// Test helper: load a model from YAML text (as if it sat in models/, so the shipped price
// book applies), or fail the test with the catalogue errors it raised.
import { join } from 'node:path';
import { parseYamlText } from '../../../src/model/load.js';
import { loadModelDocument, type LoadedModel } from '../../../src/run/load-model.js';

const modelsDir = join(import.meta.dirname, '../../../models');

export function modelFromYaml(text: string, name = 'inline-test.yaml'): LoadedModel {
  const doc = parseYamlText(text, join(modelsDir, name));
  if (!doc.ok) throw doc.errors;
  return loadModelDocument(doc.value);
}

/** The catalogue error messages `text` raises (empty when it loads). */
export function modelErrors(text: string): string[] {
  try {
    modelFromYaml(text);
    return [];
  } catch (err) {
    const list = (err as { errors?: { message: string }[] }).errors;
    if (list === undefined) throw err;
    return list.map((e) => e.message);
  }
}
