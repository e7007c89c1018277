/**
 * From zod issues to catalogue errors: each issue kind, unions reduced to the meant branch,
 * missing fields at their parent, frozen results, and no exception for any user input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import {
  ModelErrors, deepFreeze, duration, loadAndValidate, parseYamlText, rate, reject, validateData, validateDocument,
} from '../../src/model/index.js';
import { miniModel } from '../fixtures/mini-model.js';

function errorsOf(schema: z.ZodType, yaml: string): string {
  const loaded = parseYamlText(yaml, 'm.yaml');
  if (!loaded.ok) return loaded.errors.message;
  const r = validateDocument(schema, loaded.value);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors.message;
}

describe('issue kinds', () => {
  const schema = z.strictObject({
    n: z.number().int().min(1).max(10).optional(),
    tags: z.array(z.string()).min(1).optional(),
    mode: z.literal('fast').optional(),
    id: z.string().regex(/^[a-z]+$/).optional(),
    step: z.number().multipleOf(5).optional(),
  });

  it('wrong type: expected and got', () => {
    expect(errorsOf(schema, 'n: ten\n')).toBe('m.yaml:1:4 SIM_E_INVALID_TYPE at n\n  expected a number\n  got: "ten"');
    expect(errorsOf(schema, 'tags: {a: 1}\n')).toBe('m.yaml:1:7 SIM_E_INVALID_TYPE at tags\n  expected a list\n  got: a mapping with key: a');
    expect(errorsOf(schema, 'n:\n')).toBe('m.yaml:1:1 SIM_E_INVALID_TYPE at n\n  expected a number\n  got: null (an empty value)');
  });

  it('ranges and sizes', () => {
    expect(errorsOf(schema, 'n: 0\n')).toBe('m.yaml:1:4 SIM_E_INVALID_VALUE at n\n  expected a number >= 1\n  got: 0');
    expect(errorsOf(schema, 'n: 11\n')).toBe('m.yaml:1:4 SIM_E_INVALID_VALUE at n\n  expected a number <= 10\n  got: 11');
    expect(errorsOf(schema, 'n: 1.5\n')).toBe('m.yaml:1:4 SIM_E_INVALID_TYPE at n\n  expected an integer\n  got: 1.5');
    expect(errorsOf(schema, 'tags: []\n')).toBe('m.yaml:1:7 SIM_E_INVALID_VALUE at tags\n  expected at least 1 item\n  got: an empty list');
    expect(errorsOf(schema, 'step: 7\n')).toBe('m.yaml:1:7 SIM_E_INVALID_VALUE at step\n  expected a multiple of 5\n  got: 7');
  });

  it('literals and formats', () => {
    expect(errorsOf(schema, 'mode: slow\n')).toBe('m.yaml:1:7 SIM_E_INVALID_VALUE at mode\n  expected "fast"\n  got: "slow"');
    expect(errorsOf(schema, 'id: A1\n')).toBe('m.yaml:1:5 SIM_E_INVALID_VALUE at id\n  expected a string matching /^[a-z]+$/\n  got: "A1"');
  });

  it('unknown fields at the key, with the allowed list and a suggestion', () => {
    expect(errorsOf(schema, 'tgas: [a]\nzzz: 1\n')).toBe([
      'm.yaml:1:1 SIM_E_UNKNOWN_FIELD at tgas',
      '  unknown field `tgas`',
      '  expected one of: n, tags, mode, id, step',
      '  hint: did you mean `tags`?',
      '',
      'm.yaml:2:1 SIM_E_UNKNOWN_FIELD at zzz',
      '  unknown field `zzz`',
      '  expected one of: n, tags, mode, id, step',
      '',
      '2 errors',
    ].join('\n'));
  });

  it('a wrong top-level type', () => {
    expect(errorsOf(schema, '- 1\n')).toBe('m.yaml:1:1 SIM_E_INVALID_TYPE\n  expected a mapping\n  got: a list of 1 item');
    expect(errorsOf(schema, '')).toBe('m.yaml:1:1 SIM_E_INVALID_TYPE\n  expected a mapping\n  got: null (an empty value)');
  });
});

describe('custom rules from component authors', () => {
  const pool = z.strictObject({ min: z.number(), max: z.number() })
    .refine((p) => p.min <= p.max, { message: 'min must not exceed max', path: ['min'], params: { hint: 'swap them?' } });
  const timeout = z.strictObject({ timeout: duration() }).superRefine((v, ctx) => {
    if (v.timeout > 60) reject(ctx, v.timeout, { code: 'SIM_E_INVALID_VALUE', expected: 'at most 1m', hint: 'long timeouts hide overload' }, ['timeout']);
  });

  it('a plain refine speaks through its message and params.hint', () => {
    expect(errorsOf(pool, 'min: 5\nmax: 2\n')).toBe('m.yaml:1:6 SIM_E_INVALID_VALUE at min\n  min must not exceed max\n  got: 5\n  hint: swap them?');
  });

  it('reject() sets code, expected and hint, and got shows what was written', () => {
    expect(errorsOf(timeout, 'timeout: 2m\n')).toBe('m.yaml:1:10 SIM_E_INVALID_VALUE at timeout\n  expected at most 1m\n  got: "2m"\n  hint: long timeouts hide overload');
  });
});

describe('missing fields', () => {
  const schema = z.strictObject({ server: z.strictObject({ host: z.string(), timeout: duration() }) });

  it('are reported at the key of the mapping they belong in, with the expected type', () => {
    expect(errorsOf(schema, 'server:\n  port: 80\n')).toBe([
      'm.yaml:1:1 SIM_E_MISSING_FIELD at server.host',
      '  expected a string',
      '  hint: add `host:` under `server`',
      '',
      'm.yaml:1:1 SIM_E_MISSING_FIELD at server.timeout',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  hint: add `timeout:` under `server`',
      '',
      'm.yaml:2:3 SIM_E_UNKNOWN_FIELD at server.port',
      '  unknown field `port`',
      '  expected one of: host, timeout',
      '',
      '3 errors',
    ].join('\n'));
    expect(errorsOf(schema, 'other: 1\n').split('\n\n')[0]).toBe('m.yaml:1:1 SIM_E_MISSING_FIELD at server\n  expected a mapping\n  hint: add `server:` at the top level');
  });

  it('are not reported twice when an unknown field is their misspelling', () => {
    expect(errorsOf(schema, 'server:\n  host: a\n  timout: 1s\n')).toBe(
      'm.yaml:3:3 SIM_E_UNKNOWN_FIELD at server.timout\n  unknown field `timout`\n  expected one of: host, timeout\n  hint: did you mean `timeout`?',
    );
  });
});

describe('unions', () => {
  const schema = z.strictObject({
    rate: z.union([rate(), z.strictObject({ ramp: z.strictObject({ from: rate(), to: rate() }) })]),
    item: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('disk'), size: z.number() }),
      z.strictObject({ kind: z.literal('cache'), ttl: duration() }),
    ]).optional(),
  });

  it('report the branch that fits the value\'s shape, not every alternative', () => {
    expect(errorsOf(schema, 'rate: 20\n')).toBe([
      'm.yaml:1:7 SIM_E_BAD_UNIT at rate',
      '  a bare number has no unit',
      '  expected a rate such as 2000/s, 120/min or 2k/s (per ms, s, m, h or d)',
      '  got: 20',
      '  hint: write `20/s` or `20/min`',
    ].join('\n'));
    expect(errorsOf(schema, 'rate: { ramp: { from: 1/s, to: 5 } }\n')).toMatch(/^m\.yaml:1:32 SIM_E_BAD_UNIT at rate\.ramp\.to\n/);
  });

  it('say what would fit when no branch does', () => {
    expect(errorsOf(schema, 'rate: [1]\n')).toBe(
      'm.yaml:1:7 SIM_E_INVALID_TYPE at rate\n  expected a rate such as 2000/s, 120/min or 2k/s (per ms, s, m, h or d), or a mapping\n  got: a list of 1 item',
    );
    expect(errorsOf(schema, 'item: { kind: disk, size: 1 }\n')).toMatch(/SIM_E_MISSING_FIELD at rate\n {2}expected a rate such as .*, or a mapping\n {2}hint: add `rate:` at the top level$/);
  });

  it('name an unknown tag of a discriminated union, or its absence', () => {
    expect(errorsOf(schema, 'rate: 1/s\nitem: { kind: cahce }\n')).toBe(
      'm.yaml:2:15 SIM_E_UNKNOWN_KIND at item.kind\n  unknown kind `cahce`\n  expected one of: disk, cache\n  hint: did you mean `cache`?',
    );
    expect(errorsOf(schema, 'rate: 1/s\nitem: { size: 1 }\n')).toBe(
      'm.yaml:2:1 SIM_E_MISSING_FIELD at item.kind\n  expected one of: disk, cache\n  hint: add `kind:` under `item`',
    );
    expect(errorsOf(schema, 'rate: 1/s\nitem: { kind: cache, ttl: 5, size: 1 }\n')).toMatch(/SIM_E_BAD_UNIT at item\.ttl[\s\S]*SIM_E_UNKNOWN_FIELD at item\.size\n {2}unknown field `size`\n {2}expected one of: kind, ttl\n\n2 errors$/);
  });
});

describe('results', () => {
  it('are deeply frozen and typed', () => {
    const r = validateData(z.strictObject({ a: z.array(z.strictObject({ t: duration() })) }), { a: [{ t: '5ms' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.a[0]!.t).toBe(0.005);
    expect(Object.isFrozen(r.value)).toBe(true);
    expect(Object.isFrozen(r.value.a)).toBe(true);
    expect(Object.isFrozen(r.value.a[0])).toBe(true);
    expect(() => { (r.value.a as unknown as number[]).push(1); }).toThrow(TypeError);
  });

  it('validateData reports paths without positions', () => {
    const r = validateData(z.strictObject({ t: duration() }), { t: 5 }, 'experiment');
    expect(!r.ok && r.errors.message).toBe([
      'experiment SIM_E_BAD_UNIT at t',
      '  a bare number has no unit',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  got: 5',
      '  hint: write `5ms` or `0.005s`',
    ].join('\n'));
  });

  it('deepFreeze copes with shared and cyclic structures', () => {
    const shared = { x: 1 };
    const cyclic: { self?: unknown; shared: object; also: object } = { shared, also: shared };
    cyclic.self = cyclic;
    deepFreeze(cyclic);
    expect(Object.isFrozen(shared)).toBe(true);
  });
});

describe('loadAndValidate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacksim-validate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the frozen value or throws ModelErrors (never another exception)', () => {
    writeFileSync(join(dir, 'ok.yaml'), 't: 2s\n');
    writeFileSync(join(dir, 'bad.yaml'), 't: 2\n');
    const schema = z.strictObject({ t: duration() });
    expect(loadAndValidate(schema, join(dir, 'ok.yaml'))).toEqual({ t: 2 });
    expect(() => loadAndValidate(schema, join(dir, 'bad.yaml'))).toThrow(ModelErrors);
    expect(() => loadAndValidate(schema, join(dir, 'missing.yaml'))).toThrow(/SIM_E_FILE_NOT_FOUND/);
  });
});

describe('robustness', () => {
  // Whatever a user writes, validation answers with a value or catalogue errors: no crash.
  const yamlish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('2s', '5ms', 250, 0, -1, '1M', '80%', '2k/s', 'x', true, null, 'round_robin', 'app', 'open_loop'),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(
        fc.constantFrom('name', 'components', 'traffic', 'kind', 'api', 'policy', 'targets', 'type', 'rate', 'mix',
          'exponential', 'mean', 'mixture', 'weight', 'dist', 'cpu_per_request', 'instances', 'users', 'zzz'),
        tie('v'),
        { maxKeys: 4 },
      ),
    ),
  })).v;

  it('never throws on arbitrary input to the model schema', () => {
    fc.assert(fc.property(yamlish, (data) => {
      const r = validateData(miniModel, data);
      if (!r.ok) {
        expect(r.errors.errors.length).toBeGreaterThan(0);
        for (const e of r.errors.errors) expect(e.message).not.toMatch(/NaN|undefined|\[object Object\]|\u0000/);
      }
    }), { numRuns: 300 });
  });
});
