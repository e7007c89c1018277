/** Loading YAML: file errors, syntax errors with positions, and mapping paths to line:col. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYamlText, positionOf, readDocument, type LoadedDocument } from '../../src/model/load.js';

function load(text: string): LoadedDocument {
  const r = parseYamlText(text, 'm.yaml');
  if (!r.ok) throw r.errors;
  return r.value;
}

function failure(text: string): string {
  const r = parseYamlText(text, 'm.yaml');
  if (r.ok) throw new Error('expected a failure');
  return r.errors.message;
}

describe('readDocument', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stacksim-load-'));
  writeFileSync(join(dir, 'shop.yaml'), 'name: shop\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and parses a file', () => {
    const r = readDocument(join(dir, 'shop.yaml'));
    expect(r.ok && r.value.data).toEqual({ name: 'shop' });
  });

  it('reports a missing file, suggesting a similar name in the same folder', () => {
    const file = join(dir, 'shp.yaml');
    const r = readDocument(file);
    expect(!r.ok && r.errors.message).toBe(`${file} SIM_E_FILE_NOT_FOUND\n  no such file\n  hint: did you mean \`${join(dir, 'shop.yaml')}\`?`);
  });

  it('reports a missing file without a hint when nothing is close, or the folder is missing too', () => {
    const r1 = readDocument(join(dir, 'warehouse.yaml'));
    expect(!r1.ok && r1.errors.message).toBe(`${join(dir, 'warehouse.yaml')} SIM_E_FILE_NOT_FOUND\n  no such file`);
    const r2 = readDocument(join(dir, 'nope', 'x.yaml'));
    expect(!r2.ok && r2.errors.codes).toEqual(['SIM_E_FILE_NOT_FOUND']);
  });

  it('reports a directory as unreadable', () => {
    const r = readDocument(dir);
    expect(!r.ok && r.errors.message).toBe(`${dir} SIM_E_FILE_UNREADABLE\n  this is a directory, not a file`);
  });
});

describe('YAML syntax errors', () => {
  it('points at a tab used for indentation', () => {
    expect(failure('a:\n\tb: 1\n')).toBe('m.yaml:2:1 SIM_E_YAML_SYNTAX\n  Tabs are not allowed as indentation\n  hint: indent with spaces; YAML does not allow tabs');
  });

  it('points at an unclosed quote', () => {
    expect(failure('a: "x\nb: 2\n')).toMatch(/^m\.yaml:3:1 SIM_E_YAML_SYNTAX\n {2}Missing closing "quote\n {2}hint: a quote or bracket opened earlier is not closed/);
  });

  it('refuses several documents in one file', () => {
    expect(failure('a: 1\n---\nb: 2\n')).toBe('m.yaml:2:1 SIM_E_YAML_SYNTAX\n  Source contains multiple documents; please use YAML.parseAllDocuments()\n  hint: a file holds one document; remove the extra `---`');
  });

  it('reports an alias to a missing anchor at the alias', () => {
    expect(failure('a: &x 1\nb: *x\nc: *y\n')).toBe('m.yaml:3:4 SIM_E_YAML_SYNTAX\n  Unresolved alias (the anchor must be set before the alias): y');
  });

  it('refuses unknown tags rather than guess', () => {
    expect(failure('a: !secret pw\n')).toMatch(/^m\.yaml:1:4 SIM_E_YAML_SYNTAX\n {2}Unresolved tag: !secret/);
  });

  it('reports every syntax error, sorted', () => {
    const r = parseYamlText('a: 1\n  b: 2\n', 'm.yaml');
    expect(!r.ok && r.errors.errors.map((e) => [e.code, e.line, e.col])).toEqual([
      ['SIM_E_YAML_SYNTAX', 1, 4],
      ['SIM_E_YAML_SYNTAX', 1, 4],
    ]);
  });
});

describe('duplicate keys', () => {
  it('points at the second key and names the first', () => {
    expect(failure('a: 1\nb:\n  c: 2\n  d: 3\n  c: 4\n')).toBe(
      'm.yaml:5:3 SIM_E_DUPLICATE_KEY\n  `c` appears twice in the same mapping\n  hint: the first `c` is at line 3:3; keep one of them',
    );
  });

  it('catches duplicates in flow mappings too', () => {
    expect(failure('x: { a: 1, a: 2 }\n')).toBe(
      'm.yaml:1:12 SIM_E_DUPLICATE_KEY\n  `a` appears twice in the same mapping\n  hint: the first `a` is at line 1:6; keep one of them',
    );
  });
});

describe('positionOf', () => {
  const doc = load([
    'name: shop', //                         1
    'components:', //                        2
    '  lb:', //                              3
    '    kind: load_balancer', //            4
    '    policy: least_conections', //       5
    '    targets: [api, web]', //            6
    '  db:', //                              7
    '    kind: postgres', //                 8
    '    empty:', //                         9
    'traffic:', //                           10
    '  - type: open_loop', //                11
    '    mix: { get_user: 1 }', //           12
  ].join('\n'));

  it('finds a scalar value', () => {
    expect(positionOf(doc, ['components', 'lb', 'policy'])).toEqual({ line: 5, col: 13 });
    expect(positionOf(doc, ['name'])).toEqual({ line: 1, col: 7 });
  });

  it('finds a key itself, e.g. for an unknown field', () => {
    expect(positionOf(doc, ['components', 'lb', 'policy'], 'key')).toEqual({ line: 5, col: 5 });
  });

  it('finds list items and flow collections', () => {
    expect(positionOf(doc, ['components', 'lb', 'targets', 1])).toEqual({ line: 6, col: 20 });
    expect(positionOf(doc, ['components', 'lb', 'targets'])).toEqual({ line: 6, col: 14 });
    expect(positionOf(doc, ['traffic', 0, 'mix', 'get_user'])).toEqual({ line: 12, col: 22 });
  });

  it('points at the key of a block mapping or an empty value, not the next line', () => {
    expect(positionOf(doc, ['components', 'db'])).toEqual({ line: 7, col: 3 });
    expect(positionOf(doc, ['components', 'db', 'empty'])).toEqual({ line: 9, col: 5 });
  });

  it('maps a missing field to the key of the mapping it belongs in', () => {
    expect(positionOf(doc, ['components', 'db', 'query_time'])).toEqual({ line: 7, col: 3 });
    expect(positionOf(doc, ['components', 'cache', 'kind'])).toEqual({ line: 2, col: 1 });
    expect(positionOf(doc, ['traffic', 0, 'rate'])).toEqual({ line: 11, col: 5 });
    expect(positionOf(doc, ['traffic', 5])).toEqual({ line: 10, col: 1 });
  });

  it('falls back to the top of the document', () => {
    expect(positionOf(doc, ['version'])).toEqual({ line: 1, col: 1 });
    expect(positionOf(load(''), ['name'])).toEqual({ line: 1, col: 1 });
  });

  it('follows aliases to their anchor', () => {
    const d = load('base: &b { timeout: 2s }\nlb: *b\n');
    expect(positionOf(d, ['lb', 'timeout'])).toEqual({ line: 1, col: 21 });
  });
});
