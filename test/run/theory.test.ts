// Through the whole pipeline (YAML → normalize → build → run → summary), a station model
// matches Erlang C: what a student checks with `stacksim run models/mmc.yaml`.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';
import { mmc } from '../../src/analytic/mmc.js';
import { meanCI } from '../../src/engine/stats/confidence.js';

describe('models/mmc.yaml against Erlang C', () => {
  it('mean response and utilisation lie in the 99% CI over 10 replications', () => {
    const loaded = loadModel(join(import.meta.dirname, '../../models/mmc.yaml'));
    const runs = Array.from({ length: 10 }, (_, i) => simulate(loaded, { seed: `theory-${i}`, duration: 8 * 3600, warmup: 1800 }));
    const exact = mmc({ lambda: 3.6, mu: 1, c: 4 });
    const w = meanCI(runs.map((r) => r.overall.latencyMs.mean! / 1000), 0.99);
    const u = meanCI(runs.map((r) => r.components[0]!.utilisation!), 0.99);
    expect(Math.abs(w.mean - exact.W), `W ${w.mean} ± ${w.halfWidth} vs ${exact.W}`).toBeLessThanOrEqual(w.halfWidth!);
    expect(Math.abs(u.mean - exact.rho), `U ${u.mean} ± ${u.halfWidth} vs ${exact.rho}`).toBeLessThanOrEqual(u.halfWidth!);
  });
});
