/** The zod unit helpers: what they produce, the exact error a user sees, their JSON Schema. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { count, duration, fraction, rate, toJsonSchema, validateData } from '../../../src/model/index.js';

const schema = z.strictObject({
  timeout: duration().prefault('30s'),
  lag: duration().optional(),
  rate: rate().optional(),
  hit: fraction().optional(),
  rows: count({ min: 1 }).optional(),
});

function parse(data: unknown) {
  const r = validateData(schema, data, 'm.yaml');
  if (!r.ok) throw r.errors;
  return r.value;
}

function error(data: unknown): string {
  const r = validateData(schema, data, 'm.yaml');
  if (r.ok) throw new Error('expected an error');
  return r.errors.message;
}

describe('unit schemas', () => {
  it('convert to plain numbers (seconds, per second, fraction, integer)', () => {
    expect(parse({ lag: '250ms', rate: '2k/s', hit: '80%', rows: '1M' })).toEqual({ timeout: 30, lag: 0.25, rate: 2000, hit: 0.8, rows: 1e6 });
  });

  it('parse defaults given in input form (prefault)', () => {
    expect(parse({}).timeout).toBe(30);
  });

  it('render exact errors', () => {
    expect(error({ lag: 250 })).toBe([
      'm.yaml SIM_E_BAD_UNIT at lag',
      '  a bare number has no unit',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  got: 250',
      '  hint: write `250ms` or `0.25s`',
    ].join('\n'));
    expect(error({ rate: '5 per sec' })).toBe([
      'm.yaml SIM_E_BAD_UNIT at rate',
      '  unknown rate unit `per sec`',
      '  expected a rate such as 2000/s, 120/min or 2k/s (per ms, s, m, h or d)',
      '  got: "5 per sec"',
      '  hint: write `5/s`',
    ].join('\n'));
    expect(error({ hit: 80 })).toBe([
      'm.yaml SIM_E_INVALID_VALUE at hit',
      '  expected a fraction between 0 and 1, or a percentage such as 80%',
      '  got: 80',
      '  hint: for a percentage write `80%`',
    ].join('\n'));
    expect(error({ rows: 0 })).toBe('m.yaml SIM_E_INVALID_VALUE at rows\n  expected a whole number >= 1\n  got: 0');
    expect(error({ timeout: { s: 1 } })).toBe([
      'm.yaml SIM_E_INVALID_TYPE at timeout',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  got: a mapping with key: s',
    ].join('\n'));
  });

  it('report a missing required quantity as a missing field', () => {
    const r = validateData(z.strictObject({ over: duration() }), {}, 'm.yaml');
    expect(!r.ok && r.errors.message).toBe([
      'm.yaml SIM_E_MISSING_FIELD at over',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  hint: add `over:` at the top level',
    ].join('\n'));
  });

  it('describe themselves to JSON Schema as patterns with examples; .describe() overrides the text', () => {
    const json = toJsonSchema(z.strictObject({ lag: duration().describe('Replica lag.'), rows: count({ min: 1 }) }));
    expect(json.properties).toEqual({
      lag: {
        description: 'Replica lag.',
        anyOf: [
          { type: 'string', pattern: expect.stringContaining('(ns|us|µs|ms|s|m|min|h|d)$'), examples: ['250ms', '2s', '5m'] },
          { const: 0 },
        ],
      },
      rows: {
        description: 'A whole number, optionally with a k (thousand), M (million) or G (billion) suffix, e.g. 500, 100k, 1M.',
        anyOf: [
          { type: 'integer', minimum: 1 },
          { type: 'string', pattern: expect.any(String), examples: ['100k', '1M'] },
        ],
      },
    });
    expect(json.required).toEqual(['lag', 'rows']);
    expect(json.additionalProperties).toBe(false);
  });
});
