/** Benchmark model: M/M/c with c=4, mu=1 per server, lambda=3.6 (rho=0.9), FIFO, 1,000,000 customers. */
import { fromSpec } from '../../src/engine/random/spec.js';
import { runOpenNetwork } from '../../src/queueing/open-network.js';
import { measure } from '../measure.js';

const run = (customers: number) =>
  runOpenNetwork({
    seed: 1,
    interarrival: fromSpec({ exponential: { mean: 1 / 3.6 } }),
    stations: [{ name: 'mmc', servers: 4, service: fromSpec({ exponential: { mean: 1 } }) }],
    customers,
  });

measure('M/M/c (c=4, rho=0.9)', 1_000_000, (n) => {
  const r = run(n);
  return { customers: r.completed, events: r.events, check: `mean sojourn ${r.meanSojourn.toFixed(4)} s, Erlang C 2.9694 s` };
});
