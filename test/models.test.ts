// Every shipped model validates, runs briefly, reports no NaN, does not mutate its loaded
// form, and gives the same bytes twice.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '../src/run/load-model.js';
import { simulate } from '../src/run/simulate.js';

const dir = join(import.meta.dirname, '../models');
const models = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'prices.yaml');

describe('shipped models', () => {
  it('there are shipped models', () => expect(models.length).toBeGreaterThan(0));
  for (const f of models) {
    it(`${f} validates and runs briefly, deterministically`, () => {
      const loaded = loadModel(join(dir, f));
      const before = JSON.stringify(loaded.model);
      const a = simulate(loaded, { duration: 20, warmup: 5 });
      const b = simulate(loaded, { duration: 20, warmup: 5 });
      const text = JSON.stringify(a);
      expect(text).toBe(JSON.stringify(b));
      expect(text).not.toMatch(/NaN|Infinity/);
      expect(JSON.stringify(loaded.model)).toBe(before);
      expect(a.overall.count).toBeGreaterThan(0);
      expect(a.requests.started).toBeGreaterThanOrEqual(a.requests.responded);
    });
  }
});
