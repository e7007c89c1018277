/**
 * Broken inputs and the exact text a user sees for each (test/fixtures/broken/*.yaml with a
 * sibling .expected.txt). The texts are pinned: changing a message means editing the file
 * (and the docs/errors.md quote), on purpose, in review.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlText, validateDocument } from '../../src/model/index.js';
import { miniModel } from '../fixtures/mini-model.js';

const dir = 'test/fixtures/broken';
const url = (name: string) => new URL(`../fixtures/broken/${name}`, import.meta.url);
const names = readdirSync(url('.')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();

/** What `stacksim validate` would print for a file. */
function render(name: string): string {
  const file = `${dir}/${name}.yaml`;
  const loaded = parseYamlText(readFileSync(url(`${name}.yaml`), 'utf8'), file);
  if (!loaded.ok) return loaded.errors.message;
  const result = validateDocument(miniModel, loaded.value);
  return result.ok ? 'VALID' : result.errors.message;
}

describe('broken fixtures', () => {
  it('has fixtures, each with its expected text', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) expect(existsSync(url(`${name}.expected.txt`)), name).toBe(true);
    const orphans = readdirSync(url('.')).filter((f) => f.endsWith('.expected.txt') && !names.includes(f.replace('.expected.txt', '')));
    expect(orphans).toEqual([]);
  });

  it.each(names)('%s.yaml renders exactly as pinned', (name) => {
    expect(`${render(name)}\n`).toBe(readFileSync(url(`${name}.expected.txt`), 'utf8'));
  });
});

describe('the valid model the fixtures are edits of', () => {
  it('validates, with units converted and the result frozen', () => {
    const file = 'test/fixtures/models/mini.yaml';
    const loaded = parseYamlText(readFileSync(new URL('../fixtures/models/mini.yaml', import.meta.url), 'utf8'), file);
    if (!loaded.ok) throw loaded.errors;
    const result = validateDocument(miniModel, loaded.value);
    if (!result.ok) throw result.errors;
    const m = result.value;
    expect(m.components.lb).toEqual({ kind: 'load_balancer', policy: 'least_connections', timeout: 30, targets: ['api'] });
    expect(m.components.db).toMatchObject({ replicas: { count: 2, lag: 0.05 } });
    expect(m.traffic[0]).toMatchObject({ rate: { ramp: { from: 100, to: 2000, over: 300, start: 0 } }, keys: { user: { zipf: { s: 1.1, n: 1e6 } } } });
    expect(Object.isFrozen(m.components.db)).toBe(true);
    const source = m.traffic[0]!;
    expect(source.type === 'open_loop' && Object.isFrozen(source.mix)).toBe(true);
  });
});
