/**
 * The M/M/c example: simulate c=4 servers at rho=0.9 and compare with Erlang C.
 * Run with `npm run example:mmc` (optionally: customers seed).
 */
import { fromSpec } from '../src/engine/random/spec.js';
import { runOpenNetwork } from '../src/queueing/open-network.js';
import { mmc } from '../src/analytic/mmc.js';

const customers = Number(process.argv[2] ?? 1_000_000);
const seed = process.argv[3] ?? '1';
const lambda = 3.6, mu = 1, c = 4;
const sim = runOpenNetwork({
  seed,
  interarrival: fromSpec({ exponential: { mean: 1 / lambda } }),
  stations: [{ name: 'mmc', servers: c, service: fromSpec({ exponential: { mean: 1 / mu } }) }],
  customers,
});
const theory = mmc({ lambda, mu, c });
const st = sim.stations[0]!;
const row = (name: string, simulated: number, exact: number) =>
  console.log(`${name.padEnd(18)} ${simulated.toFixed(4).padStart(10)} ${exact.toFixed(4).padStart(10)} ${(((simulated - exact) / exact) * 100).toFixed(2).padStart(7)}%`);
console.log(`M/M/${c}: lambda=${lambda}/s, mu=${mu}/s per server, rho=${(lambda / (c * mu)).toFixed(2)}, ${customers} customers, seed ${seed}\n`);
console.log(`${'metric'.padEnd(18)} ${'simulated'.padStart(10)} ${'Erlang C'.padStart(10)} ${'error'.padStart(8)}`);
row('P(wait > 0)', st.pWait, theory.pWait);
row('mean wait (s)', st.meanWait, theory.Wq);
row('mean sojourn (s)', sim.meanSojourn, theory.W);
row('mean queue', st.meanQueue, theory.Lq);
row('utilisation', st.utilisation, theory.rho);
console.log(`\np95 sojourn (s): ${(sim.sojourn.percentile(95) ?? 0).toFixed(4)}; ${sim.events.toLocaleString('en-US')} events`);
