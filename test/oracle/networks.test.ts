// Networks against theory: a three-station tandem (Jackson: independent M/M/c stations) and
// a closed network with think time (exact MVA, single- and multi-server stations).
import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/engine/random/continuous.js';
import { runOpenNetwork } from '../../src/queueing/open-network.js';
import { runClosedNetwork } from '../../src/queueing/closed-network.js';
import { jackson } from '../../src/analytic/jackson.js';
import { mva } from '../../src/analytic/mva.js';
import { covers, describe99, replicate } from './replicate.js';

describe('networks against theory (99% CI over 10 replications)', () => {
  it('tandem Poisson 50/s -> A(c=8, 0.1 s) -> B(c=4, 0.05 s) -> C(c=2, 0.015 s)', () => {
    const exact = jackson({
      stations: [{ name: 'A', c: 8, mu: 10 }, { name: 'B', c: 4, mu: 20 }, { name: 'C', c: 2, mu: 1 / 0.015 }],
      gamma: [50, 0, 0],
      routing: [[0, 1, 0], [0, 0, 1], [0, 0, 0]],
    });
    const figures = replicate(
      10,
      (seed) =>
        runOpenNetwork({
          seed,
          interarrival: exponential(1 / 50),
          stations: [
            { name: 'A', servers: 8, service: exponential(0.1) },
            { name: 'B', servers: 4, service: exponential(0.05) },
            { name: 'C', servers: 2, service: exponential(0.015) },
          ],
          customers: 100_000,
          warmup: 100,
        }),
      (r) => r.meanSojourn,
      (r) => r.stations[0]!.meanWait,
      (r) => r.stations[1]!.meanWait,
      (r) => r.stations[2]!.meanWait,
      (r) => r.stations[1]!.pWait,
    );
    const want = [exact.W, exact.stations[0]!.Wq, exact.stations[1]!.Wq, exact.stations[2]!.Wq, exact.stations[1]!.pWait];
    figures.forEach((e, i) => expect(covers(e, want[i]!), `figure ${i}: ${describe99(e, want[i]!)}`).toBe(true));
  });

  it('closed network with think time matches exact MVA (single- and multi-server stations)', () => {
    // 40 users, think 2 s; app: 4 servers 0.1 s; db: 1 server 0.04 s (db is near its bound 25/s)
    const exact = mva({ N: 40, Z: 2, stations: [{ kind: 'queue', name: 'app', demand: 0.1, servers: 4 }, { kind: 'queue', name: 'db', demand: 0.04 }] });
    const [x, rt] = replicate(
      10,
      (seed) =>
        runClosedNetwork({
          seed,
          users: 40,
          think: exponential(2),
          stations: [{ name: 'app', servers: 4, service: exponential(0.1) }, { name: 'db', servers: 1, service: exponential(0.04) }],
          duration: 6000,
          warmup: 200,
        }),
      (r) => r.throughput,
      (r) => r.meanResponse,
    );
    expect(covers(x!, exact.X), `X: ${describe99(x!, exact.X)}`).toBe(true);
    expect(covers(rt!, exact.R), `R: ${describe99(rt!, exact.R)}`).toBe(true);
  });
});
