/**
 * Reading a recorded trace (CSV with a header row, or JSON Lines) into compact arrays:
 * per request its replay time, endpoint index and key — about 20 bytes a request, read
 * once at build so mistakes surface before the run, each as a catalogue error at
 * file:line:col (up to MAX_ERRORS at once). Replay time is (timestamp − first timestamp)
 * × time_unit × time_scale: traces usually hold wall-clock stamps, so the first request
 * is replayed at the source's start. Timestamps must not decrease.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ModelError, ModelErrors } from '../model/errors.js';
import { describeValue, listOf } from '../model/format.js';
import type { TraceSource } from '../model/schema/traffic.js';
import { didYouMean } from '../model/suggest.js';
import { traceRows, type Problem, type RawRow } from './trace-rows.js';

export interface TraceRequests {
  /** The file as messages name it (model directory joined with the configured path). */
  readonly file: string;
  /** Seconds from the source's start, non-decreasing. */
  readonly times: Float64Array;
  readonly endpoints: Int32Array;
  /** Key per request, or -1 where the row has none; null without a key column. */
  readonly keys: Float64Array | null;
}

export type TraceOptions = Pick<TraceSource, 'columns' | 'time_unit' | 'time_scale'> & { readonly format: 'csv' | 'jsonl' };

export const MAX_ERRORS = 10;

const UNIT_SECONDS = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 } as const;

/** Read and check the trace a source names; throws ModelErrors for any problem in it. */
export function readTraceFile(config: TraceSource, modelDir: string, endpoints: readonly string[]): TraceRequests {
  const file = join(modelDir, config.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ModelErrors([new ModelError({
      code: missing ? 'SIM_E_FILE_NOT_FOUND' : 'SIM_E_FILE_UNREADABLE',
      file,
      detail: missing ? 'the trace file does not exist' : `cannot read the trace file: ${(err as Error).message}`,
      hint: missing ? `a trace's file is relative to the model file's directory (${modelDir})` : undefined,
    })]);
  }
  const format = config.format ?? (extname(config.file).slice(1).toLowerCase() as 'csv' | 'jsonl');
  return parseTrace(text, file, { ...config, format }, endpoints);
}

/** Parse trace text; `file` is only used in messages. */
export function parseTrace(text: string, file: string, options: TraceOptions, endpoints: readonly string[]): TraceRequests {
  const problems: ModelError[] = [];
  const problem: Problem = (code, line, col, path, init) => {
    problems.push(new ModelError({ code, file, line, col, path, ...init }));
  };
  const index = new Map(endpoints.map((name, i) => [name, i]));
  const scale = UNIT_SECONDS[options.time_unit] * options.time_scale;
  const times: number[] = [];
  const eps: number[] = [];
  const keys: number[] = [];
  let first = NaN;
  let prev = -Infinity;
  let prevLine = 0;

  for (const row of traceRows(text, options, problem)) {
    if (problems.length >= MAX_ERRORS) break;
    const ts = timestampOf(row.ts);
    if (ts === undefined) {
      problem('SIM_E_INVALID_VALUE', row.line, row.tsCol, options.columns.timestamp, { expected: `a number of ${options.time_unit}`, got: describeValue(row.ts) });
      continue;
    }
    const endpoint = typeof row.endpoint === 'string' ? index.get(row.endpoint) : undefined;
    if (endpoint === undefined) {
      unknownEndpoint(row, endpoints, options, problem);
      continue;
    }
    if (ts < prev) {
      problem('SIM_E_INVALID_VALUE', row.line, row.tsCol, options.columns.timestamp, {
        detail: `timestamps must not decrease: ${ts} comes after ${prev} on line ${prevLine}`,
        hint: 'sort the file by its timestamp column',
      });
      continue;
    }
    if (times.length === 0) first = ts;
    prev = ts;
    prevLine = row.line;
    times.push((ts - first) * scale);
    eps.push(endpoint);
    keys.push(keyOf(row.key));
  }
  if (problems.length === 0 && times.length === 0) {
    problem('SIM_E_INVALID_VALUE', undefined, undefined, '', { detail: 'the trace holds no requests' });
  }
  if (problems.length > 0) throw new ModelErrors(problems);
  return {
    file,
    times: Float64Array.from(times),
    endpoints: Int32Array.from(eps),
    keys: options.columns.key === undefined ? null : Float64Array.from(keys),
  };
}

function unknownEndpoint(row: RawRow, endpoints: readonly string[], options: TraceOptions, problem: Problem): void {
  const name = typeof row.endpoint === 'string' && row.endpoint !== '' ? row.endpoint : undefined;
  problem('SIM_E_DANGLING_REF', row.line, row.endpointCol, options.columns.endpoint, {
    detail: name === undefined ? 'the endpoint must be a name' : `no endpoint named \`${name}\``,
    expected: `one of: ${listOf(endpoints)}`,
    got: name === undefined ? describeValue(row.endpoint) : undefined,
    hint: name === undefined ? undefined : didYouMean(name, endpoints),
  });
}

function timestampOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A row's key: a whole number in [0, 2^32) is used as is; any other text (an e-mail, a
 * UUID) is hashed into that range with 32-bit FNV-1a, so equal texts share a key.
 * An empty cell or absent field gives -1: the key is drawn from the key space instead.
 */
export function keyOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return -1;
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (/^\d{1,10}$/.test(text) && Number(text) < 2 ** 32) return Number(text);
  return hashKey(text);
}

export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
