// Broken models get the catalogue's exact error text (pinned beside each fixture), found
// before anything runs.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadModel } from '../../src/run/load-model.js';
import { ModelErrors } from '../../src/model/errors.js';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'test/fixtures/broken-models');

describe('broken models', () => {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(`${f} fails with its pinned error`, () => {
      const expected = readFileSync(join(dir, f.replace(/\.yaml$/, '.expected.txt')), 'utf8');
      const cwd = process.cwd();
      process.chdir(root);
      try {
        loadModel(relative(root, join(dir, f)));
        expect.unreachable('the model should not load');
      } catch (err) {
        expect(err).toBeInstanceOf(ModelErrors);
        expect(`${(err as Error).message}\n`).toBe(expected);
      } finally {
        process.chdir(cwd);
      }
    });
  }
});
