/**
 * JSON Schema (draft 2020-12) for YAML inputs, generated from the zod schemas so editors
 * (e.g. VS Code with the YAML extension) can complete fields, show `.describe()` texts and
 * flag mistakes as you type. It describes what the user writes (zod's input side): unit
 * strings with their patterns and examples, not the numbers they become.
 */
import { z } from 'zod';

export interface JsonSchemaOptions {
  /** `$id` of the document, e.g. a URL or `stacksim-model.schema.json`. */
  id?: string;
  title?: string;
}

export type JsonSchema = Record<string, unknown>;

export function toJsonSchema(schema: z.ZodType, opts: JsonSchemaOptions = {}): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    // Recursive schemas (mixtures of distributions) become $defs with $ref.
    cycles: 'ref',
    // Our transforms are described by their meta; anything else unrepresentable allows any value
    // rather than failing the whole generation.
    unrepresentable: 'any',
  }) as JsonSchema;
  return {
    $schema: json.$schema,
    ...(opts.id !== undefined && { $id: opts.id }),
    ...(opts.title !== undefined && { title: opts.title }),
    ...json,
  };
}

/**
 * Paths (JSON Pointer style) of object schemas that accept unknown keys. Every object in a
 * model must be strict, so a misspelt field is an error; a registry test can assert this
 * returns [] for the assembled model schema.
 */
export function openObjects(schema: z.ZodType): string[] {
  const open: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const n = node as JsonSchema;
    if (n.type === 'object' && n.properties !== undefined && n.additionalProperties !== false) open.push(at || '/');
    for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
  };
  walk(toJsonSchema(schema), '');
  return open;
}
