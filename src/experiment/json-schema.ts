/**
 * JSON Schema of experiment files, from the same zod schema that validates them, so editors
 * complete and check `experiments/*.yaml` as they do models (write it beside them with
 * `experimentJsonSchema()`; an experiment opens with `# yaml-language-server: $schema=…`).
 */
import { openObjects, toJsonSchema, type JsonSchema } from '../model/json-schema.js';
import { experimentSchema } from './schema.js';

export function experimentJsonSchema(): JsonSchema {
  return toJsonSchema(experimentSchema, { id: 'https://stacksim.dev/schema/experiment.json', title: 'stacksim experiment' });
}

/** Object schemas that would accept a misspelt field (should be none). */
export function openExperimentObjects(): string[] {
  return openObjects(experimentSchema);
}
