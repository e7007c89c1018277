// The JSON Schema shipped for editors is generated from the zod schemas: it must match them,
// and every shipped model must point at it.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { experimentJsonSchema, modelJsonSchema } from '../../src/cli/commands/schema.js';
import { openObjects } from '../../src/model/json-schema.js';
import { modelSchema } from '../../src/model/schema/model.js';

const models = join(import.meta.dirname, '../../models');

describe('models/schema.json', () => {
  it('is up to date with the zod schemas (run `npx stacksim schema` after changing them)', () => {
    expect(readFileSync(join(models, 'schema.json'), 'utf8')).toBe(modelJsonSchema());
  });

  it('experiments/schema.json is up to date too', () => {
    expect(readFileSync(join(models, '../experiments/schema.json'), 'utf8')).toBe(experimentJsonSchema());
  });

  it('has no object that would silently accept unknown keys', () => {
    expect(openObjects(modelSchema)).toEqual([]);
  });

  it('is referenced by every shipped model', () => {
    for (const f of readdirSync(models).filter((f) => f.endsWith('.yaml') && f !== 'prices.yaml')) {
      expect(readFileSync(join(models, f), 'utf8').split('\n')[0], f).toBe('# yaml-language-server: $schema=./schema.json');
    }
  });
});
