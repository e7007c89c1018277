// The shipped pair models/autoscaled.yaml and models/fixed-fleet.yaml: the same service and
// load, autoscaled against fixed for the peak. Over the first 17 minutes of the compressed day
// (the trough) the autoscaled tier runs on its minimum and costs a third of the fixed fleet.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadModel } from '../../src/run/load-model.js';
import { simulate } from '../../src/run/simulate.js';

const dir = join(import.meta.dirname, '../../models');
const load = (f: string) => loadModel(join(dir, f));

describe('autoscaled against a fixed fleet sized for the peak', () => {
  const auto = load('autoscaled.yaml');
  const fixed = load('fixed-fleet.yaml');

  it('describe the same service and load, apart from the tier size and the autoscaler', () => {
    const strip = (m: typeof auto.model) => ({
      endpoints: m.endpoints,
      traffic: m.traffic,
      components: m.components.filter((c) => c.name !== 'app' && c.name !== 'hpa'),
    });
    expect(JSON.stringify(strip(auto.model))).toBe(JSON.stringify(strip(fixed.model)));
  });

  it('the autoscaled tier is billed for its instance-hours: 2 instances in the trough against 6', () => {
    const opts = { duration: 600, warmup: 400 };
    const a = simulate(auto, opts);
    const f = simulate(fixed, opts);
    const tier = (s: typeof a) => s.components.find((c) => c.name === 'app')!;
    // from 3 at the start, down to min 2 at t=315 (after the 300 s window); measured from 400 s
    expect(tier(a).extra!.mean_instances).toBe(2);
    expect(tier(a).costPerHour).toBeCloseTo(2 * 0.085, 10);
    expect(tier(f).costPerHour).toBeCloseTo(6 * 0.085, 10);
    expect(a.cost.perHour).toBeLessThan(f.cost.perHour);
    // in the trough both serve well: 60–90/s on 2 instances is under 30 % CPU
    expect(a.overall.latencyMs.p95!).toBeLessThan(2 * f.overall.latencyMs.p95!);
  }, 30_000); // ~2 s of CPU; the margin is for a busy machine
});
