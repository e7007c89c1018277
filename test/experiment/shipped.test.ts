// Every experiment shipped in experiments/ loads and runs, shortened (one replication of a
// few simulated seconds), and gives a row for each strategy at each sweep point.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadExperiment, runExperiment } from '../../src/experiment/index.js';

const DIR = 'experiments';
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort() : [];
const QUICK = { replications: 1, duration: 5, warmup: 1 };

describe('experiments/*.yaml', () => {
  it.skipIf(files.length > 0)('(none shipped yet)', () => {
    expect(files).toEqual([]);
  });

  for (const file of files) {
    it(`${file} runs shortened`, async () => {
      const exp = loadExperiment(`${DIR}/${file}`, { overrides: QUICK });
      const { results } = await runExperiment(exp, { workers: 1, overrides: QUICK });
      expect(results.rows).toHaveLength(exp.strategies.length * exp.points.length);
      expect(JSON.parse(JSON.stringify(results))).toEqual(results); // nothing lost to NaN or undefined
    }, 60_000);
  }
});
