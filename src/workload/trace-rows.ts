/**
 * The raw rows of a trace file, one per non-blank line: the timestamp, endpoint and key
 * cells as written, with their line and column. CSV finds its columns in the header (the
 * first non-blank line); JSON Lines reads them as fields of each line's object.
 */
import type { ErrorCode } from '../model/errors.js';
import { describeValue, listOf } from '../model/format.js';
import { didYouMean } from '../model/suggest.js';
import { splitCsvLine } from './csv.js';
import type { TraceOptions } from './trace-file.js';

export interface RawRow {
  readonly line: number;
  readonly ts: unknown;
  readonly tsCol: number;
  readonly endpoint: unknown;
  readonly endpointCol: number;
  readonly key: unknown;
}

export type Problem = (code: ErrorCode, line: number | undefined, col: number | undefined, path: string, init: { detail?: string; expected?: string; got?: string; hint?: string | undefined }) => void;

type Columns = TraceOptions['columns'];

export function* traceRows(text: string, options: TraceOptions, problem: Problem): Generator<RawRow> {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  yield* options.format === 'csv' ? csvRows(lines, options.columns, problem) : jsonlRows(lines, options.columns, problem);
}

function* csvRows(lines: string[], columns: Columns, problem: Problem): Generator<RawRow> {
  let at = -1;
  let header: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const fields = splitCsvLine(line);
    if ('error' in fields) {
      problem('SIM_E_INVALID_VALUE', i + 1, fields.col, '', { detail: fields.error });
      continue;
    }
    if (at < 0) {
      header = fields.values;
      at = i + 1;
      const wanted = { timestamp: columns.timestamp, endpoint: columns.endpoint, ...(columns.key !== undefined && { key: columns.key }) };
      let missing = false;
      for (const [role, name] of Object.entries(wanted)) {
        if (header.includes(name)) continue;
        missing = true;
        problem('SIM_E_MISSING_FIELD', at, 1, name, {
          detail: `the header has no \`${name}\` column (for the ${role})`,
          expected: `one of the header's columns: ${listOf(header)}`,
          hint: didYouMean(name, header) ?? `name the ${role} column in the source: columns: { ${role}: … }`,
        });
      }
      if (missing) return;
      continue;
    }
    const cell = (name: string | undefined): [unknown, number] => {
      if (name === undefined) return [undefined, 1];
      const j = header.indexOf(name);
      return [fields.values[j], fields.cols[j] ?? line.length + 1];
    };
    const [ts, tsCol] = cell(columns.timestamp);
    const [endpoint, endpointCol] = cell(columns.endpoint);
    if (ts === undefined || endpoint === undefined) {
      const name = ts === undefined ? columns.timestamp : columns.endpoint;
      problem('SIM_E_MISSING_FIELD', i + 1, line.length + 1, name, {
        detail: `the line has ${fields.values.length} fields and no \`${name}\` (the header at line ${at} has ${header.length})`,
      });
      continue;
    }
    yield { line: i + 1, ts, tsCol, endpoint, endpointCol, key: cell(columns.key)[0] };
  }
}

function* jsonlRows(lines: string[], columns: Columns, problem: Problem): Generator<RawRow> {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (err) {
      problem('SIM_E_INVALID_VALUE', i + 1, 1, '', { detail: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      problem('SIM_E_INVALID_TYPE', i + 1, 1, '', { expected: 'one JSON object per line', got: describeValue(row) });
      continue;
    }
    const fields = row as Record<string, unknown>;
    const absent = [columns.timestamp, columns.endpoint].find((name) => !Object.hasOwn(fields, name));
    if (absent !== undefined) {
      problem('SIM_E_MISSING_FIELD', i + 1, 1, absent, {
        detail: `the object has no \`${absent}\` field`,
        expected: `fields ${listOf([columns.timestamp, columns.endpoint])}`,
        hint: didYouMean(absent, Object.keys(fields)) ?? 'name the fields in the source: columns: { timestamp: …, endpoint: … }',
      });
      continue;
    }
    const key = columns.key === undefined ? undefined : fields[columns.key];
    yield { line: i + 1, ts: fields[columns.timestamp], tsCol: 1, endpoint: fields[columns.endpoint], endpointCol: 1, key };
  }
}
