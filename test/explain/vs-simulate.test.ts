// explain must not drift from the components: for every shipped model it can describe as a
// steady state, the utilisation it predicts at its bottleneck is within 10% of what a short
// simulation measures there. Models it cannot (a component or step it does not model, a peak
// above capacity, an overload) are skipped — after checking that explain says so — and so are
// rate profiles, whose mean over the whole run a short simulation does not see.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainModel } from '../../src/explain/index.js';
import type { ResourceRow } from '../../src/explain/index.js';
import type { ComponentReport } from '../../src/components/define.js';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

const dir = join(import.meta.dirname, '../../models');
const models = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'prices.yaml');

/** The simulated utilisation of the resource explain calls `row.id`, in explain's terms. */
function simulated(row: ResourceRow, reports: readonly ComponentReport[], config: Record<string, unknown>): number {
  const report = reports.find((c) => c.name === row.component)!;
  const extra = report.extra ?? {};
  const role = row.id.slice(row.component.length + 1);
  if (row.kind === 'app_tier' && role === 'cpu') {
    // the tier reports busy cores over all its cores; explain, over the cores the runtime can use
    return (report.utilisation! * (config.cores as number ?? 1)) / row.servers;
  }
  if (row.kind === 'app_tier') return extra.worker_utilisation!;
  if (role === 'replicas') {
    const each = Object.entries(extra).filter(([k]) => /^replica_\d+_utilisation$/.test(k)).map(([, v]) => v);
    return each.reduce((a, b) => a + b, 0) / each.length;
  }
  return report.utilisation!;
}

describe('explain vs simulate (shipped models)', () => {
  it('there are shipped models', () => expect(models.length).toBeGreaterThan(0));
  for (const f of models) {
    it(`${f}: bottleneck utilisation within 10% of a short simulation`, { timeout: 20_000 }, (ctx) => {
      const loaded = loadModel(join(dir, f));
      const e = explainModel(loaded);
      const b = e.resources.find((r) => r.id === e.bottleneck?.resource);
      expect(b, 'explain names a bottleneck').toBeDefined();
      const caveat = e.warnings.find((w) => /not modelled|at the peak rate|overloaded/.test(w));
      if (caveat !== undefined || b!.verdict === 'overloaded') {
        expect(caveat).toBeDefined();
        ctx.skip(`not a steady state explain models: ${caveat}`);
      }
      // a rate profile: explain's mean is over the whole run, which a short run does not see
      const varying = e.notes.find((n) => n.includes('the rate varies'));
      if (varying !== undefined) ctx.skip(varying);
      // ~12k requests (a couple of minutes of a web stack, about an hour of the slow textbook
      // queue in mmc.yaml): enough for 10%, and the warm-up lets the caches fill a little
      const X = e.throughput;
      const s = X < 10
        ? simulate(loaded, { duration: Math.min(7200, 15_000 / X), warmup: Math.min(600, 1500 / X) })
        : simulate(loaded, { duration: Math.min(120, 6000 / X), warmup: Math.min(300, 6000 / X) });
      const config = loaded.model.components.find((c) => c.name === b!.component)!.config as Record<string, unknown>;
      const measured = simulated(b!, s.components, config);
      expect(Math.abs(b!.utilisation - measured) / measured, `${b!.id}: explain ${b!.utilisation.toFixed(4)}, simulated ${measured.toFixed(4)}`).toBeLessThan(0.1);
    });
  }
});
