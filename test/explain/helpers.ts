// Load a model written inline in a test, through the same phases as a file.
import { join } from 'node:path';
import { parseYamlText } from '../../src/model/load.js';
import { loadModelDocument, type LoadedModel } from '../../src/run/load-model.js';

export function loadText(yaml: string, name = 'inline.yaml'): LoadedModel {
  const doc = parseYamlText(yaml, join(import.meta.dirname, name));
  if (!doc.ok) throw doc.errors;
  return loadModelDocument(doc.value);
}
