// Diagnosis rules on hand-made rows: each fires exactly when its threshold is crossed and
// says so in a sentence with the figures; findings come most important first.
import { describe, expect, it } from 'vitest';
import { busyRule } from '../../src/experiment/diagnosis/busy.js';
import { dbTimeRule } from '../../src/experiment/diagnosis/db-time.js';
import { growingQueueRule } from '../../src/experiment/diagnosis/growing-queue.js';
import { diagnose, type DiagnosisInput } from '../../src/experiment/diagnosis/index.js';
import { poolRule } from '../../src/experiment/diagnosis/pool.js';
import { errorSloRule, kneeRule } from '../../src/experiment/diagnosis/slo-rules.js';
import type { ResultRow, TimeSeries } from '../../src/experiment/results.js';
import { parseSlo } from '../../src/experiment/slo.js';
import { describePoint } from '../../src/experiment/sweep.js';
import { component, est, makeRow } from './make-row.js';

const slo = (text: string) => { const r = parseSlo(text); if (!r.ok) throw new Error(text); return r.value; };

function input(rows: ResultRow[], extra: Partial<DiagnosisInput> = {}): DiagnosisInput {
  return {
    strategy: 'baseline', rows, slos: [], series: [],
    describe: (r) => describePoint(r.point, [{ name: 'users' }]),
    coresOf: () => null,
    ...extra,
  };
}

const at = (users: number, over: Partial<ResultRow> = {}) => makeRow({ point: { users }, offered: users, ...over });

describe('busy rule', () => {
  it('names the busiest component over 80% as the bottleneck, others as busy', () => {
    const rows = [at(100), at(2000, { components: [component('app', 'app_tier', 0.85), component('db', 'database', 0.94), component('lb', 'load_balancer', 0.8)] })];
    expect(busyRule(input(rows)).map((f) => f.text)).toEqual([
      'db (database) is 94% busy at 2000 users: the bottleneck.',
      'app (app_tier) is 85% busy at 2000 users.',
    ]);
  });

  it('looks only at the highest load and leaves pools to the pool rule', () => {
    const rows = [at(100, { components: [component('db', 'database', 0.99)] }), at(200, { components: [component('db', 'database', 0.5), component('pool', 'connection_pool', 1)] })];
    expect(busyRule(input(rows))).toEqual([]);
  });
});

describe('pool rule', () => {
  it('fires on use above 90% or a wait p95 above 10 ms', () => {
    const full = at(2000, { components: [component('db_pool', 'connection_pool', 0.96, { poolWaitP95Ms: 25 })] });
    expect(poolRule(input([full])).map((f) => f.text)).toEqual(['db_pool is exhausted at 2000 users (96% in use, connection wait p95 25 ms): requests wait for connections.']);
    const waits = at(2000, { components: [component('db_pool', 'connection_pool', 0.5, { poolWaitP95Ms: 10.5 })] });
    expect(poolRule(input([waits]))).toHaveLength(1);
    const fine = at(2000, { components: [component('db_pool', 'connection_pool', 0.9, { poolWaitP95Ms: 10 })] });
    expect(poolRule(input([fine]))).toEqual([]);
  });
});

describe('database time rule', () => {
  it('divides busy cores by throughput: 0.8 × 4 cores / 20 req/s = 160 ms', () => {
    const row = at(2000, { throughput: est(20), components: [component('db', 'database', 0.8)] });
    expect(dbTimeRule(input([row], { coresOf: () => 4 })).map((f) => f.text)).toEqual([
      'each request costs 160 ms of db time on average at 2000 users: look for scans, missing indexes and N+1 queries.',
    ]);
    expect(dbTimeRule(input([row], { coresOf: () => 2 }))).toEqual([]); // 80 ms
    expect(dbTimeRule(input([row]))).toEqual([]); // cores unknown
  });
});

describe('growing queue rule', () => {
  it('reads a mean near half the maximum as linear growth', () => {
    const growing = at(2000, { components: [component('q', 'station', 0.99, { meanQueue: 240, maxQueue: 500 })] });
    expect(growingQueueRule(input([growing])).map((f) => f.text)).toEqual([
      'q\'s queue is still growing at the end of the run, mean 240 against a maximum of 500 at 2000 users: arrivals outpace service.',
    ]);
    const steady = at(2000, { components: [component('q', 'station', 0.7, { meanQueue: 3, maxQueue: 40 })] });
    expect(growingQueueRule(input([steady]))).toEqual([]);
  });

  it('reads a mean at the maximum as a bounded queue that stayed full', () => {
    const full = at(800, { components: [component('app', 'app_tier', 0.2, { meanQueue: 253.6, maxQueue: 256 })] });
    expect(growingQueueRule(input([full])).map((f) => f.text)).toEqual([
      'app\'s queue stays full at 800 users (mean 254, at most 256): arrivals outpace service and the excess is turned away.',
    ]);
  });

  it('reads three rising windows in the time series', () => {
    const w = (t: number, q: number) => ({ t, offered: 1, throughput: 1, p95Ms: 1, errors: 0, queues: { q } });
    const series: TimeSeries[] = [{ strategy: 'baseline', point: { users: 2000 }, window: 5, windows: [w(0, 1), w(5, 12), w(10, 20), w(15, 30)] }];
    expect(growingQueueRule(input([at(2000)], { series })).map((f) => f.text)).toEqual([
      'q\'s queue is still growing at the end of the run, from 12 to 30 over the last 3 windows (time series at 2000 users): arrivals outpace service.',
    ]);
    const flat: TimeSeries[] = [{ ...series[0]!, windows: [w(0, 12), w(5, 20), w(10, 19)] }];
    expect(growingQueueRule(input([at(2000)], { series: flat }))).toEqual([]);
  });
});

describe('SLO rules', () => {
  const rows = [at(100, { p95Ms: est(50) }), at(500, { p95Ms: est(120), errorRate: est(0.002) }), at(1000, { p95Ms: est(450), errorRate: est(0.032) })];

  it('finds the knee where p95 crosses its SLO', () => {
    expect(kneeRule(input(rows, { slos: [slo('p95 < 200ms')] })).map((f) => f.text)).toEqual([
      'p95 crosses the SLO (p95 < 200ms) between 500 users (120 ms) and 1000 users (450 ms): the knee.',
    ]);
    expect(kneeRule(input(rows, { slos: [slo('p95 < 40ms')] })).map((f) => f.text)).toEqual(['p95 misses the SLO (p95 < 40ms) already at 100 users (50 ms).']);
    expect(kneeRule(input(rows, { slos: [slo('p95 < 1s')] })).map((f) => f.text)).toEqual(['p95 stays within the SLO (p95 < 1s) up to 1000 users (450 ms).']);
  });

  it('says where errors break their SLO and how far they go', () => {
    expect(errorSloRule(input(rows, { slos: [slo('errors < 0.1%')] })).map((f) => f.text)).toEqual([
      'errors break the SLO (errors < 0.1%) from 500 users (0.2%), reaching 3.2% at 1000 users.',
    ]);
    expect(errorSloRule(input(rows, { slos: [slo('errors < 5%')] }))).toEqual([]);
  });
});

describe('diagnose', () => {
  it('puts the bottleneck before the SLO story', () => {
    const rows = [at(100), at(2000, { p95Ms: est(450), components: [component('db', 'database', 0.94)] })];
    expect(diagnose(input(rows, { slos: [slo('p95 < 200ms')] }))).toEqual({
      strategy: 'baseline',
      findings: [
        'db (database) is 94% busy at 2000 users: the bottleneck.',
        'p95 crosses the SLO (p95 < 200ms) between 100 users (50 ms) and 2000 users (450 ms): the knee.',
      ],
    });
  });
});
