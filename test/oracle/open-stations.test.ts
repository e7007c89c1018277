// The engine reproduces queueing theory for single stations: M/M/1, M/M/c at loads up to
// 0.95, M/D/1, M/G/1 with lognormal service, and M/M/c/K blocking. Each figure's exact value
// must lie in the simulation's 99% confidence interval over independent replications.
import { describe, expect, it } from 'vitest';
import { exponential, constant } from '../../src/engine/random/continuous.js';
import { lognormalMeanCv } from '../../src/engine/random/normal.js';
import { runOpenNetwork, type OpenNetworkResult } from '../../src/queueing/open-network.js';
import { mmc } from '../../src/analytic/mmc.js';
import { mmck } from '../../src/analytic/mmck.js';
import { mg1 } from '../../src/analytic/mg1.js';
import type { Distribution } from '../../src/engine/types.js';
import { covers, describe99, replicate } from './replicate.js';

const station = (r: OpenNetworkResult) => r.stations[0]!;

function single(seed: string, lambda: number, servers: number, service: Distribution, customers: number, warmup: number, capacity?: number) {
  return runOpenNetwork({
    seed,
    interarrival: exponential(1 / lambda),
    stations: [{ name: 'q', servers, service, ...(capacity ? { capacity } : {}) }],
    customers,
    warmup,
  });
}

function check(name: string, est: { mean: number; halfWidth: number }, exact: number): void {
  expect(covers(est, exact), `${name}: ${describe99(est, exact)}`).toBe(true);
}

describe('open single stations against theory (99% CI over 10 replications)', () => {
  const cases = [
    { c: 1, rho: 0.5, customers: 100_000 },
    { c: 1, rho: 0.8, customers: 200_000 },
    { c: 2, rho: 0.7, customers: 100_000 },
    { c: 4, rho: 0.9, customers: 200_000 },
    { c: 8, rho: 0.95, customers: 300_000 },
  ];
  for (const { c, rho, customers } of cases) {
    it(`M/M/${c} at rho=${rho}: mean wait, mean sojourn, P(wait>0)`, () => {
      const mu = 1;
      const lambda = rho * c * mu;
      const exact = mmc({ lambda, mu, c });
      // delete the first 10% of the run: the queue starts empty, far from its steady state
      const warmup = (0.1 * customers) / lambda;
      const [wq, w, pw] = replicate(
        10,
        (seed) => single(seed, lambda, c, exponential(1 / mu), customers, warmup),
        (r) => station(r).meanWait,
        (r) => r.meanSojourn,
        (r) => station(r).pWait,
      );
      check('Wq', wq!, exact.Wq);
      check('W', w!, exact.W);
      check('P(wait)', pw!, exact.pWait);
    });
  }

  it('M/D/1 at rho=0.8 (Pollaczek–Khinchine with zero variance)', () => {
    const lambda = 0.8;
    const exact = mg1({ lambda, meanService: 1, variance: 0 });
    const [wq, w] = replicate(10, (seed) => single(seed, lambda, 1, constant(1), 100_000, 2000), (r) => station(r).meanWait, (r) => r.meanSojourn);
    check('Wq', wq!, exact.Wq);
    check('W', w!, exact.W);
  });

  it('M/G/1 with lognormal service (cv 1.5) at rho=0.7', () => {
    const lambda = 0.7;
    const service = lognormalMeanCv(1, 1.5);
    const exact = mg1({ lambda, meanService: 1, scv: 1.5 * 1.5 });
    const [wq, pw] = replicate(10, (seed) => single(seed, lambda, 1, service, 200_000, 2000), (r) => station(r).meanWait, (r) => station(r).pWait);
    check('Wq', wq!, exact.Wq);
    check('P(wait)', pw!, exact.pWait);
  });

  it('M/M/c/K: blocking probability and admitted sojourn (c=3, K=6, offered 1.1 per server)', () => {
    const c = 3, K = 6, mu = 1, lambda = 3.3;
    const exact = mmck({ lambda, mu, c, K });
    const [pb, w, pw] = replicate(
      10,
      (seed) => single(seed, lambda, c, exponential(1), 100_000, 200, K),
      (r) => station(r).pBlock,
      (r) => r.meanSojourn,
      (r) => station(r).pWait,
    );
    check('P(block)', pb!, exact.pBlock);
    check('W', w!, exact.W);
    check('P(wait)', pw!, exact.pWait);
  });

  it('a long M/M/4 run at rho=0.8 is within 2% of Erlang C', () => {
    const exact = mmc({ lambda: 3.2, mu: 1, c: 4 });
    const r = single('long', 3.2, 4, exponential(1), 2_000_000, 5000);
    expect(Math.abs(r.meanSojourn / exact.W - 1)).toBeLessThan(0.02);
    expect(Math.abs(station(r).meanWait / exact.Wq - 1)).toBeLessThan(0.02);
    expect(Math.abs(station(r).pWait / exact.pWait - 1)).toBeLessThan(0.02);
  });
});
