// The package's public API: what the README promises is importable, and works.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as stacksim from '../src/index.js';

describe('library API', () => {
  it('exports loadModel, simulate, runExperiment and renderCharts', () => {
    for (const name of ['loadModel', 'simulate', 'runExperiment', 'renderCharts', 'loadExperiment', 'writeReport']) {
      expect(typeof (stacksim as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('simulates a shipped model from the library', () => {
    const s = stacksim.simulate(stacksim.loadModel(join(import.meta.dirname, '../models/mmc.yaml')), { duration: 600, warmup: 60 });
    expect(s.overall.count).toBeGreaterThan(1000);
    expect(stacksim.analytic.mmc({ lambda: 3.6, mu: 1, c: 4 }).W).toBeCloseTo(2.9694, 4);
  });
});
