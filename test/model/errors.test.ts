/** The error catalogue: exact rendering, aggregation order, and the docs kept in sync. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_CODE_LIST, ModelError, ModelErrors, isErrorCode } from '../../src/model/errors.js';
import { describeValue, formatPath } from '../../src/model/format.js';

describe('ModelError rendering', () => {
  it('renders position, code, path, expected, got and hint', () => {
    const e = new ModelError({
      code: 'SIM_E_INVALID_VALUE',
      file: 'models/bad.yaml',
      line: 12,
      col: 14,
      path: ['components', 'lb', 'policy'],
      expected: 'one of: round_robin, least_connections',
      got: '"least_conections"',
      hint: 'did you mean `least_connections`?',
    });
    expect(e.message).toBe([
      'models/bad.yaml:12:14 SIM_E_INVALID_VALUE at components.lb.policy',
      '  expected one of: round_robin, least_connections',
      '  got: "least_conections"',
      '  hint: did you mean `least_connections`?',
    ].join('\n'));
    expect(e).toBeInstanceOf(Error);
    expect(e.path).toBe('components.lb.policy');
  });

  it('leaves out what it does not know', () => {
    expect(new ModelError({ code: 'SIM_E_FILE_NOT_FOUND', file: 'models/x.yaml', detail: 'no such file' }).message)
      .toBe('models/x.yaml SIM_E_FILE_NOT_FOUND\n  no such file');
    expect(new ModelError({ code: 'SIM_E_MISSING_FIELD', path: 'name' }).message).toBe('<input> SIM_E_MISSING_FIELD at name');
  });

  it('can be re-attributed without losing fields', () => {
    const e = new ModelError({ code: 'SIM_E_CYCLE', path: 'a.b', detail: 'loop', hint: 'h' }).with({ file: 'f.yaml', line: 3, col: 1 });
    expect(e.message).toBe('f.yaml:3:1 SIM_E_CYCLE at a.b\n  loop\n  hint: h');
  });
});

describe('ModelErrors', () => {
  const at = (line: number, col: number, code: 'SIM_E_INVALID_VALUE' | 'SIM_E_UNKNOWN_FIELD' = 'SIM_E_INVALID_VALUE', file = 'm.yaml') =>
    new ModelError({ code, file, line, col, path: `p${line}_${col}` });

  it('sorts by file, then line and column, whole-file errors first', () => {
    const all = new ModelErrors([at(9, 1), at(2, 7), at(2, 3), new ModelError({ code: 'SIM_E_FILE_UNREADABLE', file: 'm.yaml' }), at(1, 1, 'SIM_E_INVALID_VALUE', 'a.yaml')]);
    expect(all.errors.map((e) => `${e.file}:${e.line ?? '-'}:${e.col ?? '-'}`)).toEqual(['a.yaml:1:1', 'm.yaml:-:-', 'm.yaml:2:3', 'm.yaml:2:7', 'm.yaml:9:1']);
  });

  it('drops exact duplicates and counts what is left', () => {
    const all = new ModelErrors([at(2, 3), at(2, 3), at(4, 1, 'SIM_E_UNKNOWN_FIELD')]);
    expect(all.errors).toHaveLength(2);
    expect(all.codes).toEqual(['SIM_E_INVALID_VALUE', 'SIM_E_UNKNOWN_FIELD']);
    expect(all.message).toBe('m.yaml:2:3 SIM_E_INVALID_VALUE at p2_3\n\nm.yaml:4:1 SIM_E_UNKNOWN_FIELD at p4_1\n\n2 errors');
  });

  it('shows no count for a single error', () => {
    expect(new ModelErrors([at(1, 2)]).message).toBe('m.yaml:1:2 SIM_E_INVALID_VALUE at p1_2');
  });

  it('is immutable', () => {
    const all = new ModelErrors([at(1, 2)]);
    expect(Object.isFrozen(all.errors)).toBe(true);
  });
});

describe('formatting helpers', () => {
  it('formats paths with dots, indices and quoted odd keys', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['traffic', 0, 'rate'])).toBe('traffic[0].rate');
    expect(formatPath(['tasks', 'bad name'])).toBe('tasks["bad name"]');
    expect(formatPath([0, 'a'])).toBe('[0].a');
  });

  it('describes values as a YAML author would', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(0.1 + 0.2)).toBe('0.3');
    expect(describeValue(Number.NaN)).toBe('.nan (not a number)');
    expect(describeValue(-Infinity)).toBe('-.inf');
    expect(describeValue(null)).toBe('null (an empty value)');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([])).toBe('an empty list');
    expect(describeValue([1])).toBe('a list of 1 item');
    expect(describeValue({ a: 1, b: 2 })).toBe('a mapping with keys: a, b');
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('a mapping with keys: a, b, c, d, e, …');
  });
});

describe('docs/errors.md', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^## (SIM_E_[A-Z_]+)\s*$/gm)].map((m) => m[1]!);

  it('documents every code in the catalogue', () => {
    expect(ERROR_CODE_LIST.filter((c) => !documented.includes(c))).toEqual([]);
  });

  it('documents no code that no longer exists', () => {
    expect(documented.filter((c) => !isErrorCode(c))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });

  it('gives every code a meaning and an example in the rendered format', () => {
    const sections = doc.split(/^## /m).slice(1);
    for (const code of Object.keys(ERROR_CODES)) {
      const section = sections.find((s) => s.startsWith(`${code}\n`))!;
      const example = /```text\n([\s\S]*?)```/.exec(section)?.[1];
      expect(example, code).toBeDefined();
      expect(example!.split('\n')[0], code).toMatch(new RegExp(`^\\S+ ${code}( at \\S+)?$`));
      expect(section.split('```')[0]!.trim().length, `${code} meaning`).toBeGreaterThan(40);
    }
  });

  it('quotes fixture outputs exactly', () => {
    const blocks = [...doc.matchAll(/<!-- fixture: ([\w-]+) -->\n```text\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(9);
    for (const [, name, text] of blocks) {
      const expected = readFileSync(new URL(`../fixtures/broken/${name}.expected.txt`, import.meta.url), 'utf8');
      expect(text, name).toBe(expected);
    }
  });
});
