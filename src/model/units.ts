/**
 * Quantities as architects write them: `250ms`, `2k/s`, `80%`, `1M`. Each parser turns
 * what YAML gave us into a plain number (seconds, per second, a fraction in [0,1], an
 * integer) or a problem saying what was expected and how to fix it. A bare number where a
 * duration or rate belongs is an error (except 0): "250" could be seconds or milliseconds.
 */
import type { ErrorCode } from './errors.js';
import { formatNumber } from './format.js';
import { suggest } from './suggest.js';

export interface UnitProblem {
  code: Extract<ErrorCode, 'SIM_E_BAD_UNIT' | 'SIM_E_INVALID_TYPE' | 'SIM_E_INVALID_VALUE'>;
  expected: string;
  detail?: string;
  hint?: string;
}
export type Parsed = { ok: true; value: number } | { ok: false; problem: UnitProblem };

/** Seconds per unit. `m` is minutes: in a duration a month or a metre makes no sense. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, min: 60, h: 3600, d: 86400,
};
/** Rates are per one of these; per-nanosecond rates are not a thing anyone writes. */
export const RATE_UNITS: Readonly<Record<string, number>> = {
  ms: 1e-3, s: 1, m: 60, min: 60, h: 3600, d: 86400,
};
/** Count and rate multipliers: thousand, million, billion. */
export const MULTIPLIERS: Readonly<Record<string, number>> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

/** Long spellings people type; we point them at the short unit instead of guessing silently. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  nsec: 'ns', nanos: 'ns', nanosecond: 'ns', nanoseconds: 'ns',
  usec: 'us', micros: 'us', microsecond: 'us', microseconds: 'us',
  msec: 'ms', msecs: 'ms', millis: 'ms', millisecond: 'ms', milliseconds: 'ms',
  sec: 's', secs: 's', second: 's', seconds: 's',
  mins: 'm', minute: 'm', minutes: 'm', hr: 'h', hrs: 'h', hour: 'h', hours: 'h', day: 'd', days: 'd',
};

const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
const NUMBER_PREFIX = new RegExp(String.raw`^([+-]?${NUM})\s*(.*)$`);

/** JSON Schema patterns matching exactly what the parsers accept (for editor help). */
export const DURATION_PATTERN = String.raw`^${NUM}\s*(ns|us|µs|ms|s|m|min|h|d)$`;
export const SIGNED_DURATION_PATTERN = String.raw`^[+-]?${NUM}\s*(ns|us|µs|ms|s|m|min|h|d)$`;
export const RATE_PATTERN = String.raw`^${NUM}\s*[kKMG]?\s*/\s*(ms|s|m|min|h|d)$`;
export const PERCENT_PATTERN = String.raw`^${NUM}\s*%$`;
export const COUNT_PATTERN = String.raw`^${NUM}\s*[kKMG]?$`;

export const EXPECTED = {
  duration: 'a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
  rate: 'a rate such as 2000/s, 120/min or 2k/s (per ms, s, m, h or d)',
  fraction: 'a fraction between 0 and 1, or a percentage such as 80%',
  count: 'a whole number such as 500, 100k or 1M',
} as const;

const ok = (value: number): Parsed => ({ ok: true, value });
const fail = (problem: UnitProblem): Parsed => ({ ok: false, problem });

/** Splits `"2.5 ms"` into 2.5 and `"ms"`; undefined when it does not start with a number. */
function splitNumber(text: string): { n: number; rest: string } | undefined {
  const m = NUMBER_PREFIX.exec(text.trim());
  return m ? { n: Number(m[1]), rest: m[2]! } : undefined;
}

/** How to write `unit` properly, given what the user typed. */
function unitHint(n: number, typed: string, units: Readonly<Record<string, number>>, prefix = ''): string | undefined {
  const fixed = UNIT_ALIASES[typed] ?? UNIT_ALIASES[typed.toLowerCase()] ?? suggest(typed, Object.keys(units));
  return fixed === undefined || !(fixed in units) ? undefined : `write \`${formatNumber(n)}${prefix}${fixed}\``;
}

export function parseDuration(input: unknown, opts: { signed?: boolean } = {}): Parsed {
  const expected = EXPECTED.duration;
  if (typeof input === 'number') {
    if (input === 0) return ok(0);
    if (!Number.isFinite(input)) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
    const a = Math.abs(input);
    const hint = a >= 1
      ? `write \`${formatNumber(input)}ms\` or \`${formatNumber(input / 1000)}s\``
      : `write \`${formatNumber(input)}s\` or \`${formatNumber(input * 1000)}ms\``;
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: 'a bare number has no unit', hint });
  }
  if (typeof input !== 'string') return fail({ code: 'SIM_E_INVALID_TYPE', expected });
  const parts = splitNumber(input);
  if (parts === undefined) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
  const { n, rest } = parts;
  if (rest === '') {
    if (n === 0) return ok(0);
    return parseDuration(n, opts);
  }
  const perUnit = DURATION_UNITS[rest];
  if (perUnit === undefined) {
    const hint = unitHint(n, rest, DURATION_UNITS);
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: `unknown duration unit \`${rest}\``, ...(hint && { hint }) });
  }
  // Dividing by 1000 rather than multiplying by 0.001 keeps 250ms exactly 0.25.
  const value = perUnit < 1 ? n / Math.round(1 / perUnit) : n * perUnit;
  if (!Number.isFinite(value)) return fail({ code: 'SIM_E_INVALID_VALUE', expected: 'a finite duration' });
  if (value < 0 && !opts.signed) return fail({ code: 'SIM_E_INVALID_VALUE', expected: 'a duration >= 0' });
  return ok(value);
}

const RATE_WORDS = /^(rps|qps|tps|req\/s|reqs\/s|requests\/s|per\s*second|\/sec|\/second)$/i;

export function parseRate(input: unknown): Parsed {
  const expected = EXPECTED.rate;
  if (typeof input === 'number') {
    if (input === 0) return ok(0);
    if (!Number.isFinite(input)) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
    const hint = `write \`${formatNumber(input)}/s\` or \`${formatNumber(input)}/min\``;
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: 'a bare number has no unit', hint });
  }
  if (typeof input !== 'string') return fail({ code: 'SIM_E_INVALID_TYPE', expected });
  const parts = splitNumber(input);
  if (parts === undefined) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
  const m = /^([kKMG]?)\s*(.*)$/.exec(parts.rest)!;
  const mult = MULTIPLIERS[m[1]!]!;
  const unitText = m[2]!;
  const shown = `${formatNumber(parts.n)}${m[1]}`;
  if (unitText === '') {
    if (parts.n === 0) return ok(0);
    const hint = `write \`${shown}/s\` or \`${shown}/min\``;
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: 'a bare number has no unit', hint });
  }
  if (RATE_WORDS.test(unitText)) {
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: `unknown rate unit \`${unitText}\``, hint: `write \`${shown}/s\`` });
  }
  const unit = unitText.startsWith('/') ? unitText.slice(1).trim() : undefined;
  const seconds = unit === undefined ? undefined : RATE_UNITS[unit];
  if (seconds === undefined) {
    const hint = unit === undefined ? `write \`${shown}/s\`` : unitHint(parts.n, unit, RATE_UNITS, `${m[1]}/`);
    return fail({ code: 'SIM_E_BAD_UNIT', expected, detail: `unknown rate unit \`${unitText}\``, ...(hint && { hint }) });
  }
  const value = (parts.n * mult) / seconds;
  if (!Number.isFinite(value)) return fail({ code: 'SIM_E_INVALID_VALUE', expected: 'a finite rate' });
  if (value < 0) return fail({ code: 'SIM_E_INVALID_VALUE', expected: 'a rate >= 0' });
  return ok(value);
}

/** `checked: false` leaves the range to the caller (e.g. the engine, for a probability). */
export function parseFraction(input: unknown, opts: { checked?: boolean } = {}): Parsed {
  const expected = EXPECTED.fraction;
  const checked = opts.checked ?? true;
  if (typeof input === 'number') {
    if (Number.isFinite(input) && ((input >= 0 && input <= 1) || !checked)) return ok(input);
    const hint = input > 1 && input <= 100 ? `for a percentage write \`${formatNumber(input)}%\`` : undefined;
    return fail({ code: 'SIM_E_INVALID_VALUE', expected, ...(hint && { hint }) });
  }
  if (typeof input !== 'string') return fail({ code: 'SIM_E_INVALID_TYPE', expected });
  const parts = splitNumber(input);
  if (parts === undefined || parts.rest !== '%') {
    return fail({ code: parts === undefined ? 'SIM_E_INVALID_VALUE' : 'SIM_E_BAD_UNIT', expected });
  }
  if (checked && !(parts.n >= 0 && parts.n <= 100)) {
    return fail({ code: 'SIM_E_INVALID_VALUE', expected: 'a percentage between 0% and 100%' });
  }
  // 99.9 / 100 is 0.9990000000000001 in doubles; the user wrote exactly 0.999.
  return ok(Number((parts.n / 100).toPrecision(15)));
}

/** Multiplying 1.1 by 1000 gives 1100.0000000000002; snap such results to the integer. */
function snapInteger(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) <= 1e-9 * Math.max(1, Math.abs(x)) ? r : x;
}

export function parseCount(input: unknown, opts: { min?: number } = {}): Parsed {
  const expected = EXPECTED.count;
  const min = opts.min ?? 0;
  let value: number;
  if (typeof input === 'number') value = input;
  else if (typeof input === 'string') {
    const parts = splitNumber(input);
    if (parts === undefined) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
    const mult = MULTIPLIERS[parts.rest];
    if (mult === undefined) {
      const hint = parts.rest === 'm' ? `write \`${formatNumber(parts.n)}M\` for millions` : undefined;
      const detail = `unknown count suffix \`${parts.rest}\` (use k, M or G)`;
      return fail({ code: 'SIM_E_BAD_UNIT', expected, detail, ...(hint && { hint }) });
    }
    value = snapInteger(parts.n * mult);
  } else return fail({ code: 'SIM_E_INVALID_TYPE', expected });
  if (!Number.isSafeInteger(value)) return fail({ code: 'SIM_E_INVALID_VALUE', expected });
  if (value < min) return fail({ code: 'SIM_E_INVALID_VALUE', expected: `a whole number >= ${min}` });
  return ok(value);
}
