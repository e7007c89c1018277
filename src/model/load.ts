/**
 * Reading a YAML input: file → parsed document that remembers where every node came from.
 * Syntax errors, duplicate keys and unreadable files become catalogue errors with their
 * position; `positionOf` later maps a validation issue's field path back to line:col.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LineCounter, parseDocument, visit, isAlias, type Document, type YAMLError } from 'yaml';
import { ModelError, ModelErrors, type Result } from './errors.js';
import { didYouMean } from './suggest.js';
import { firstKeyLike } from './positions.js';

export { positionOf, type Position } from './positions.js';

/** A parsed input: its text, the YAML document with node ranges, and the plain data. */
export interface LoadedDocument {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain JavaScript (mappings → objects, sequences → arrays). */
  readonly data: unknown;
}

/** Hints for the YAML mistakes people actually make. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs',
  MULTIPLE_DOCS: 'a file holds one document; remove the extra `---`',
  BAD_INDENT: 'check the indentation of this line against the lines above',
  MISSING_CHAR: 'a quote or bracket opened earlier is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a value on the same line as its key cannot continue as a nested mapping',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; is a `:` missing above?',
};

/** Reads and parses `file`; every failure is reported as catalogue errors. */
export function readDocument(file: string): Result<LoadedDocument> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, errors: new ModelErrors([fileError(file, err)]) };
  }
  return parseYamlText(text, file);
}

function fileError(file: string, err: unknown): ModelError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new ModelError({ code: 'SIM_E_FILE_NOT_FOUND', file, detail: 'no such file', ...siblingHint(file) });
  }
  const detail = code === 'EISDIR' ? 'this is a directory, not a file' : `cannot read the file (${code ?? String(err)})`;
  return new ModelError({ code: 'SIM_E_FILE_UNREADABLE', file, detail });
}

/** `models/shp.yaml` → "did you mean `shop.yaml`?" when the folder exists. */
function siblingHint(file: string): { hint?: string } {
  try {
    const names = readdirSync(dirname(file));
    const hint = didYouMean(basename(file), names);
    return hint === undefined ? {} : { hint: hint.replace(/`(.*)`/, `\`${join(dirname(file), '$1')}\``) };
  } catch {
    return {};
  }
}

/** Parses YAML text (from a file or a test) into a LoadedDocument. */
export function parseYamlText(text: string, file = '<input>'): Result<LoadedDocument> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    const errors = problems.map((e) => yamlError(e, doc, lineCounter, file));
    return { ok: false, errors: new ModelErrors(errors) };
  }
  try {
    // Aliases are resolved here; a huge alias fan-out ("billion laughs") throws.
    const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
    return { ok: true, value: { file, text, doc, lineCounter, data } };
  } catch (err) {
    const at = lineCounter.linePos(firstBadAlias(doc));
    const detail = (err as Error).message;
    return { ok: false, errors: new ModelErrors([new ModelError({ code: 'SIM_E_YAML_SYNTAX', file, ...at, detail })]) };
  }
}

function yamlError(e: YAMLError, doc: Document.Parsed, lc: LineCounter, file: string): ModelError {
  const at = lc.linePos(e.pos[0]);
  if (e.code === 'DUPLICATE_KEY') {
    const first = firstKeyLike(doc, e.pos[0]);
    if (first === undefined) return new ModelError({ code: 'SIM_E_DUPLICATE_KEY', file, ...at, detail: e.message });
    const was = lc.linePos(first.offset);
    const detail = `\`${first.key}\` appears twice in the same mapping`;
    const hint = `the first \`${first.key}\` is at line ${was.line}:${was.col}; keep one of them`;
    return new ModelError({ code: 'SIM_E_DUPLICATE_KEY', file, ...at, detail, hint });
  }
  const hint = YAML_HINTS[e.code];
  return new ModelError({ code: 'SIM_E_YAML_SYNTAX', file, ...at, detail: e.message, ...(hint && { hint }) });
}

/** Offset of the first alias whose anchor is missing, or 0 when none is. */
function firstBadAlias(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.resolve(doc) === undefined) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

