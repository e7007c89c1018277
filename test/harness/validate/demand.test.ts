import { describe, expect, it } from 'vitest';
import { demandOf, hitPathOf, marginal, marginalDemand, medianDemand, queryLatency, withLatencyShape, type Demand } from '../../../src/harness/validate/demand.js';
import type { MomentsSnapshot, RouteSnapshot } from '../../../src/harness/route-stats.js';

const m = (mean: number, sd = 0): MomentsSnapshot => ({ sum: mean * 100, sumSq: 0, mean, sd, min: 0, max: 0 });

function route(o: { count?: number; cpu?: number; cpuSd?: number; db?: number; dbSd?: number; cache?: number; total?: number; totalSd?: number; queries?: number; hits?: number; misses?: number }): RouteSnapshot {
  return {
    count: o.count ?? 100,
    status: { 200: o.count ?? 100 },
    ms: { cpu: m(o.cpu ?? 0, o.cpuSd ?? 0), pool: m(0.02), db: m(o.db ?? 0, o.dbSd ?? 0), cache: m(o.cache ?? 0), total: m(o.total ?? 1, o.totalSd ?? 0) },
    queries: m(o.queries ?? 1),
    cacheHits: o.hits ?? 0,
    cacheMisses: o.misses ?? 0,
  };
}

describe('demandOf', () => {
  it('splits a window into event-loop, Postgres, query-latency and client parts', () => {
    const d = demandOf({
      route: route({ count: 200, cpu: 0.05, cpuSd: 0.01, db: 0.8, dbSd: 0.4, cache: 0.01, total: 1.2, totalSd: 0.3, queries: 1 }),
      loopMs: 60, pgMs: 50, driverMs: 20, seconds: 2,
      clientLatency: { mean: 2.5, sd: 0.5 }, lag: { mean: 0.6, sd: 0.3 },
    });
    expect(d.requests).toBe(200);
    expect(d.rate).toBe(100);
    expect(d.driver).toBeCloseTo(0.1, 12);
    expect(d.loop).toBeCloseTo(0.3, 12); // 60 ms of loop CPU over 200 requests
    expect(d.handler).toEqual({ mean: 0.05, sd: 0.01 });
    expect(d.pg).toBeCloseTo(0.25, 12);
    // 0.8 ms of query time; 0.25 ms of Postgres CPU, shared at 2.5 % load: 0.25 / 0.975
    expect(d.dbLatency).toBeCloseTo(0.8 - 0.25 / 0.975, 12);
    expect(d.queryCv).toBeCloseTo(0.5, 12);
    expect(d.client.mean).toBeCloseTo(2.5 - (0.3 + 0.8 + 0.01), 12);
    expect(d.client.sd).toBeCloseTo(0.4, 12); // sqrt(0.5² − 0.3²)
    expect(d.lag).toEqual({ mean: 0.6, sd: 0.3 });
  });

  it('never charges Postgres more than the query time, nor the loop less than the handler', () => {
    const d = demandOf({ route: route({ count: 10, cpu: 5, db: 1 }), loopMs: 20, pgMs: 30, driverMs: 0, seconds: 1, clientLatency: { mean: 10, sd: 0 }, lag: { mean: 0, sd: 0 } });
    expect(d.pg).toBe(1);
    expect(d.dbLatency).toBe(0);
    expect(d.loop).toBe(5);
  });

  it('refuses a window with no requests', () => {
    expect(() => demandOf({ route: route({ count: 0 }), loopMs: 1, pgMs: 1, driverMs: 0, seconds: 1, clientLatency: { mean: 1, sd: 0 }, lag: { mean: 0, sd: 0 } }))
      .toThrow(/route count = 0 is not allowed/);
  });
});

const base: Demand = {
  requests: 100, rate: 100, loop: 0.3, wake: 0, driver: 0, hiLoop: 0.3, hiDriver: 0, coreFixed: 0, pgFixed: 0, handler: { mean: 0.05, sd: 0.01 }, queries: 1, pg: 0.2, queryCv: 0.5,
  dbLatency: 0.4, latencyQuantiles: [], cache: 0.02, client: { mean: 1, sd: 0.5 }, lag: { mean: 0.5, sd: 0.2 }, hits: 0, misses: 100, task: null,
};

describe('queryLatency', () => {
  it('leaves out the processor sharing the model reproduces', () => {
    // 10 ms of Postgres CPU at 50 req/s: the core is half busy, a query takes 20 ms on average
    expect(queryLatency(23, 10, 50)).toBeCloseTo(3, 12);
    expect(queryLatency(15, 10, 50)).toBe(0);
  });
});

describe('hitPathOf', () => {
  it('takes the misses out of a mostly-hit window', () => {
    // 90 hits at 0.1 ms of loop and 10 misses at 0.3 ms average 0.12 ms
    const mixed = { ...base, loop: 0.12, cache: 0.011, hits: 90, misses: 10 };
    const hit = hitPathOf(mixed, base);
    expect(hit.loop).toBeCloseTo(0.1, 12);
    expect(hit.cache).toBeCloseTo((0.011 * 100 - 0.02 * 10) / 90, 12);
    expect([hit.queries, hit.pg, hit.dbLatency]).toEqual([0, 0, 0]);
  });

  it('needs hits', () => {
    expect(() => hitPathOf(base, base)).toThrow(/hits = 0 is not allowed/);
  });
});

describe('medianDemand', () => {
  it('takes each figure\'s median over the windows, so one stalled window does not count', () => {
    const stalled = { ...base, loop: 3, client: { mean: 40, sd: 90 } };
    const d = medianDemand([base, stalled, { ...base, loop: 0.32 }]);
    expect(d.loop).toBe(0.32);
    expect(d.client).toEqual({ mean: 1, sd: 0.5 });
    expect(d.requests).toBe(300);
  });
});

describe('marginal', () => {
  it('is the slope of busy time against rate', () => {
    // 100 req/s at 0.6 ms (60 ms/s busy), 400 req/s at 0.3 ms (120 ms/s): 60 ms more for 300 more requests
    expect(marginal({ rate: 100, perRequest: 0.6 }, { rate: 400, perRequest: 0.3 })).toBeCloseTo(0.2, 12);
  });

  it('stays within [floor, 1] × the high-rate average', () => {
    expect(marginal({ rate: 100, perRequest: 5 }, { rate: 400, perRequest: 0.3 })).toBeCloseTo(0.12, 12);
    expect(marginal({ rate: 100, perRequest: 0.1 }, { rate: 400, perRequest: 0.3 })).toBeCloseTo(0.3, 12);
  });

  it('keeps the average when the two rates are too close to tell a slope', () => {
    expect(marginal({ rate: 100, perRequest: 0.6 }, { rate: 110, perRequest: 0.3 })).toBe(0.3);
  });
});

describe('marginalDemand', () => {
  it('fits busy(λ) = fixed + marginal · λ and keeps the rest of the high-rate time as waits', () => {
    const lo = { ...base, rate: 100, loop: 0.6, pg: 0.4 };
    const hi = { ...base, rate: 400, loop: 0.3, pg: 0.25, dbLatency: 0.35 };
    const d = marginalDemand(lo, hi);
    // loop: 60 ms/s at 100 req/s, 120 at 400: 0.2 ms per request plus 40 ms/s fixed
    expect(d.loop).toBeCloseTo(0.2, 12);
    expect(d.coreFixed).toBeCloseTo(40, 9);
    // at 400 req/s a request took 0.3 ms; on a core slowed to 96 % the model gives 0.2 / 0.96
    expect(d.wake).toBeCloseTo(0.3 - 0.2 / 0.96, 12);
    // Postgres: 40 ms/s at 100 req/s, 100 at 400: 0.2 ms per query plus 20 ms/s fixed
    expect(d.pg).toBeCloseTo(0.2, 12);
    expect(d.pgFixed).toBeCloseTo(20, 9);
    expect(d.dbLatency).toBeCloseTo(0.35 + 0.25 - 0.2 / 0.98, 12);
  });
});

describe('withLatencyShape', () => {
  it('keeps the samples\' shape at the windows\' mean latency per query', () => {
    // 90 quick queries and 10 stalled ones; Postgres CPU 0.2 ms of each; two queries per request
    const samples = [...Array.from({ length: 90 }, () => 1.2), ...Array.from({ length: 10 }, () => 20.2)];
    const d = withLatencyShape({ ...base, queries: 2, pg: 0.2, dbLatency: 1.6 }, samples, 10);
    // per query the raw latencies are 0.5 and 10 ms (mean 1.45); scaled to a mean of 0.8 ms
    expect(d.latencyQuantiles).toHaveLength(10);
    expect(d.latencyQuantiles[0]).toBeCloseTo(0.5 * 0.8 / 1.45, 9);
    expect(d.latencyQuantiles[9]).toBeCloseTo(10 * 0.8 / 1.45, 9);
    expect(d.latencyQuantiles.reduce((a, b) => a + b, 0) / 10).toBeCloseTo(0.8, 9);
  });

  it('leaves the demand alone with too few samples', () => {
    expect(withLatencyShape(base, [1, 2, 3])).toBe(base);
  });
});
