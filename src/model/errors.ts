/**
 * The one catalogue of user-facing errors (model files, experiment files, any YAML input).
 * Each error has a stable code documented in docs/errors.md (a test keeps the two in sync),
 * a source position, the field path, and what was expected, what was found and a hint.
 * Broken internal invariants are plain `Error`s, never these.
 */
import { formatPath, type PathSegment } from './format.js';

/** Every code and a one-line meaning; docs/errors.md holds the long form with examples. */
export const ERROR_CODES = {
  SIM_E_FILE_NOT_FOUND: 'the input file does not exist',
  SIM_E_FILE_UNREADABLE: 'the input path exists but cannot be read as a text file',
  SIM_E_YAML_SYNTAX: 'the text is not valid YAML',
  SIM_E_DUPLICATE_KEY: 'a mapping names the same key twice',
  SIM_E_UNKNOWN_FIELD: 'a field the schema does not define (often a typo)',
  SIM_E_MISSING_FIELD: 'a required field is absent',
  SIM_E_INVALID_TYPE: 'a value of the wrong type, e.g. a list where a mapping belongs',
  SIM_E_INVALID_VALUE: 'a value of the right type that is not allowed here',
  SIM_E_UNKNOWN_KIND: 'a choice (component kind, distribution, traffic source…) that does not exist',
  SIM_E_BAD_UNIT: 'a quantity written without its unit or with an unknown unit',
  SIM_E_BAD_DISTRIBUTION: 'distribution parameters that do not define a valid distribution',
  SIM_E_DANGLING_REF: 'a reference to a name that is not defined',
  SIM_E_CYCLE: 'references that form a loop',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

/** What each pipeline step returns: its value, or every error it found. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: ModelErrors };

export interface ModelErrorInit {
  code: ErrorCode;
  /** The input file as the user named it; `<input>` when validating in-memory data. */
  file?: string;
  /** 1-based source position; absent when the error concerns the whole file. */
  line?: number;
  col?: number;
  /** Field path, as segments or already formatted (`components.db.replicas`). */
  path?: readonly PathSegment[] | string;
  /** What went wrong, when `expected`/`got` alone do not say it. */
  detail?: string;
  /** Completes "expected …", e.g. `one of: a, b` or `a duration such as 250ms`. */
  expected?: string;
  /** The offending value, already rendered (see describeValue). */
  got?: string;
  hint?: string;
}

export class ModelError extends Error {
  readonly code: ErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly col: number | undefined;
  readonly path: string;
  readonly detail: string | undefined;
  readonly expected: string | undefined;
  readonly got: string | undefined;
  readonly hint: string | undefined;

  constructor(init: ModelErrorInit) {
    const path = typeof init.path === 'string' ? init.path : formatPath(init.path ?? []);
    const fields = { ...init, file: init.file ?? '<input>', path };
    super(renderError(fields));
    this.name = 'ModelError';
    this.code = init.code;
    this.file = fields.file;
    this.line = init.line;
    this.col = init.col;
    this.path = path;
    this.detail = init.detail;
    this.expected = init.expected;
    this.got = init.got;
    this.hint = init.hint;
  }

  /** The same error attributed to another position or file (e.g. after locating it). */
  with(changes: Partial<ModelErrorInit>): ModelError {
    return new ModelError({ ...this.init(), ...changes });
  }

  init(): ModelErrorInit {
    const { code, file, line, col, path, detail, expected, got, hint } = this;
    return { code, file, line, col, path, detail, expected, got, hint };
  }
}

type Renderable = Omit<ModelErrorInit, 'path' | 'file'> & { file: string; path: string };

/**
 * ```
 * models/bad.yaml:12:14 SIM_E_INVALID_VALUE at components.lb.policy
 *   expected one of: round_robin, least_connections
 *   got: "least_conections"
 *   hint: did you mean `least_connections`?
 * ```
 */
export function renderError(e: Renderable): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.col ?? 1}`;
  const lines = [`${where} ${e.code}${e.path === '' ? '' : ` at ${e.path}`}`];
  if (e.detail !== undefined) lines.push(`  ${e.detail}`);
  if (e.expected !== undefined) lines.push(`  expected ${e.expected}`);
  if (e.got !== undefined) lines.push(`  got: ${e.got}`);
  if (e.hint !== undefined) lines.push(`  hint: ${e.hint}`);
  return lines.join('\n');
}

function compare(a: ModelError, b: ModelError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  // Whole-file errors (no line) come first: nothing else in that file can be trusted.
  const line = (a.line ?? 0) - (b.line ?? 0);
  if (line !== 0) return line;
  const col = (a.col ?? 0) - (b.col ?? 0);
  if (col !== 0) return col;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** All the errors found in one pass, sorted by position; what the CLI prints. */
export class ModelErrors extends Error {
  readonly errors: readonly ModelError[];

  constructor(errors: readonly ModelError[]) {
    const sorted = dedupe([...errors].sort(compare));
    super(renderErrors(sorted));
    this.name = 'ModelErrors';
    this.errors = Object.freeze(sorted);
  }

  get codes(): ErrorCode[] {
    return this.errors.map((e) => e.code);
  }
}

function dedupe(sorted: ModelError[]): ModelError[] {
  return sorted.filter((e, i) => i === 0 || e.message !== sorted[i - 1]!.message);
}

/** Errors separated by a blank line, then a count when there is more than one. */
export function renderErrors(errors: readonly ModelError[]): string {
  const body = errors.map((e) => e.message).join('\n\n');
  return errors.length > 1 ? `${body}\n\n${errors.length} errors` : body;
}
