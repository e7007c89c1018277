// fast-check properties of the engine on random open networks: determinism, conservation,
// Little's law, and monotonicity in the number of servers under common random numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exponential } from '../../src/engine/random/continuous.js';
import { lognormalMeanCv } from '../../src/engine/random/normal.js';
import { runOpenNetwork, type OpenNetworkSpec } from '../../src/queueing/open-network.js';

const network = fc.record({
  seed: fc.integer({ min: 0, max: 1e9 }),
  lambda: fc.double({ min: 0.2, max: 3, noNaN: true }),
  servers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  mean: fc.double({ min: 0.1, max: 1.5, noNaN: true }),
  cv: fc.double({ min: 0.2, max: 2, noNaN: true }),
  capacity: fc.option(fc.integer({ min: 4, max: 12 }), { nil: undefined }),
  customers: fc.integer({ min: 50, max: 3000 }),
});

type Params = typeof network extends fc.Arbitrary<infer T> ? T : never;

function spec(p: Params, over: Partial<OpenNetworkSpec> = {}): OpenNetworkSpec {
  return {
    seed: p.seed,
    interarrival: exponential(1 / p.lambda),
    stations: p.servers.map((c, i) => ({
      name: `s${i}`,
      servers: c,
      service: lognormalMeanCv(p.mean, p.cv),
      ...(p.capacity === undefined ? {} : { capacity: Math.max(p.capacity, c) }),
    })),
    customers: p.customers,
    ...over,
  };
}

const digest = (r: ReturnType<typeof runOpenNetwork>) => JSON.stringify({ ...r, sojourn: r.sojourn.toJSON() });

describe('engine properties', () => {
  it('the same seed gives byte-identical results', () => {
    fc.assert(
      fc.property(network, (p) => {
        expect(digest(runOpenNetwork(spec(p)))).toBe(digest(runOpenNetwork(spec(p))));
      }),
      { numRuns: 25 },
    );
  });

  it('conservation: arrived = completed + in system + dropped, at any stopping time', () => {
    fc.assert(
      fc.property(network, fc.double({ min: 1, max: 500, noNaN: true }), (p, until) => {
        const r = runOpenNetwork(spec(p, { customers: undefined, until, drain: false }));
        expect(r.arrived).toBe(r.completed + r.inSystem + r.dropped);
        expect(r.inSystem).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 40 },
    );
  });

  it("Little's law: time-average population = throughput x mean sojourn (run from empty to empty)", () => {
    fc.assert(
      fc.property(network, (p) => {
        const r = runOpenNetwork(spec(p));
        expect(r.inSystem).toBe(0);
        // every departure counts, including customers turned away part-way through the network
        const departures = r.completed + r.dropped;
        const lambda = departures / r.duration;
        const meanTime = (r.meanSojourn * r.completed + r.droppedTime) / departures;
        expect(r.meanInSystem).toBeCloseTo(lambda * meanTime, 9);
      }),
      { numRuns: 40 },
    );
  });

  // Per customer, FCFS waits are non-increasing in c when arrival times and service
  // requirements are the same (Kiefer–Wolfowitz); one station, so the arrival order is fixed.
  it('with common random numbers, adding a server never raises the mean wait (FCFS, one station)', () => {
    fc.assert(
      fc.property(network, (p) => {
        const base = { ...p, capacity: undefined, servers: p.servers.slice(0, 1) };
        const more = { ...base, servers: [base.servers[0]! + 1] };
        const a = runOpenNetwork(spec(base));
        const b = runOpenNetwork(spec(more));
        expect(b.stations[0]!.meanWait).toBeLessThanOrEqual(a.stations[0]!.meanWait * (1 + 1e-12) + 1e-12);
        expect(b.meanSojourn).toBeLessThanOrEqual(a.meanSojourn * (1 + 1e-12) + 1e-12);
      }),
      { numRuns: 40 },
    );
  });
});

describe('probes', () => {
  it('a departure probe listener sees every completed customer, with its sojourn', () => {
    let n = 0;
    let sum = 0;
    const r = runOpenNetwork({
      seed: 3,
      interarrival: exponential(1),
      stations: [{ name: 'q', servers: 1, service: exponential(0.5) }],
      customers: 1000,
      onDeparture: (e) => {
        n++;
        sum += e.sojourn;
      },
    });
    expect(n).toBe(r.completed);
    expect(sum / n).toBeCloseTo(r.meanSojourn, 12);
  });
});
