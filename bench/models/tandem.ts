/** Benchmark model: Poisson 50/s -> A (c=8, exp 0.1 s) -> B (c=4, exp 0.05 s) -> C (c=2, exp 0.015 s), 500,000 customers. */
import { fromSpec } from '../../src/engine/random/spec.js';
import { runOpenNetwork } from '../../src/queueing/open-network.js';
import { measure } from '../measure.js';

const exp = (mean: number) => fromSpec({ exponential: { mean } });

measure('Tandem (A c=8 -> B c=4 -> C c=2)', 500_000, (n) => {
  const r = runOpenNetwork({
    seed: 1,
    interarrival: exp(1 / 50),
    stations: [
      { name: 'A', servers: 8, service: exp(0.1) },
      { name: 'B', servers: 4, service: exp(0.05) },
      { name: 'C', servers: 2, service: exp(0.015) },
    ],
    customers: n,
  });
  return { customers: r.completed, events: r.events, check: `mean sojourn ${r.meanSojourn.toFixed(4)} s` };
});
