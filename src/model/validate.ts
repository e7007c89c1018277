/**
 * The boundary check: a loaded document (or plain data) against a zod schema, giving a
 * deep-frozen typed value or every error found, each with file:line:col. After this the
 * model is trusted; nothing downstream re-validates it.
 */
import type { z } from 'zod';
import { ModelErrors, type Result } from './errors.js';
import { issuesToErrors, recordingErrorMap, type IssueSideTable } from './issues.js';
import { readDocument, type LoadedDocument } from './load.js';

/** A value nobody can change: what the model layer hands to the rest of the program. */
export type Frozen<T> = T extends (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/** Validates a loaded document; positions in errors come from its source. */
export function validateDocument<S extends z.ZodType>(schema: S, loaded: LoadedDocument): Result<Frozen<z.output<S>>> {
  return check(schema, loaded.data, loaded.file, loaded);
}

/** Validates in-memory data (no source, so errors carry a path but no line:col). */
export function validateData<S extends z.ZodType>(schema: S, data: unknown, file = '<input>'): Result<Frozen<z.output<S>>> {
  return check(schema, data, file, undefined);
}

/** Read, parse and validate `file`; throws ModelErrors (for callers that print and exit). */
export function loadAndValidate<S extends z.ZodType>(schema: S, file: string): Frozen<z.output<S>> {
  const loaded = readDocument(file);
  if (!loaded.ok) throw loaded.errors;
  const result = validateDocument(schema, loaded.value);
  if (!result.ok) throw result.errors;
  return result.value;
}

function check<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  located: LoadedDocument | undefined,
): Result<Frozen<z.output<S>>> {
  const side: IssueSideTable = { schemas: [] };
  const parsed = schema.safeParse(data, { reportInput: true, error: recordingErrorMap(side) });
  if (parsed.success) return { ok: true, value: deepFreeze(parsed.data) as Frozen<z.output<S>> };
  const errors = issuesToErrors(parsed.error.issues, { file, data, located, side });
  return { ok: false, errors: new ModelErrors(errors) };
}

/** Freezes `value` and everything reachable from it (shared and cyclic parts once). */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return value;
}
