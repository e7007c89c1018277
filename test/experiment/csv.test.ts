// results.csv: the pinned column list, one line per row with the numbers as in results.json,
// empty cells for bounds that do not exist, and RFC 4180 quoting.
import { describe, expect, it } from 'vitest';
import { csvColumns, toCsv } from '../../src/experiment/csv.js';
import type { ExperimentResults } from '../../src/experiment/results.js';
import { component, est, makeRow } from './make-row.js';

function results(): ExperimentResults {
  return {
    experiment: { name: 'x', hash: '0', seed: 1, replications: 3, duration: 60, warmup: 10, baseline: 'baseline' },
    strategies: [{ name: 'baseline' }, { name: 'cache, big' }],
    axes: [{ name: 'users', label: 'users', values: [100, 200] }],
    slos: [{ text: 'p95 < 200ms', metric: 'p95', op: '<', threshold: 200 }],
    rows: [
      makeRow({ point: { users: 100 }, p95Ms: est(52.5, 3, 2.5), busiest: { name: 'db', utilisation: 0.42 }, components: [component('db', 'database', 0.42)], slo: [{ text: 'p95 < 200ms', pass: true, value: 52.5 }] }),
      makeRow({ strategy: 'cache, big', point: { users: 200 }, p95Ms: est(250, 1), costPerMillion: null, pass: false, slo: [{ text: 'p95 < 200ms', pass: false, value: 250 }] }),
    ],
    tenX: [], timeseries: [], diagnosis: [],
  };
}

describe('toCsv', () => {
  it('has the pinned columns', () => {
    expect(csvColumns(results()).join(',')).toBe([
      'strategy,users,offered_rps',
      'throughput_rps,throughput_rps_low,throughput_rps_high',
      'p50_ms,p50_ms_low,p50_ms_high,p95_ms,p95_ms_low,p95_ms_high,p99_ms,p99_ms_low,p99_ms_high',
      'error_rate,error_rate_low,error_rate_high,cost_per_million,cost_per_million_low,cost_per_million_high',
      'busiest,busiest_utilisation,cost_per_hour,slo_pass,slo_failed',
    ].join(','));
  });

  it('writes one line per row, quoting what needs it', () => {
    const lines = toCsv(results()).split('\r\n');
    expect(lines).toHaveLength(4); // header, two rows, and the final line break
    expect(lines[3]).toBe('');
    expect(lines[1]).toBe('baseline,100,100,100,100,100,10,10,10,52.5,50,55,80,80,80,0,0,0,2.5,2.5,2.5,db,0.42,1,pass,');
    expect(lines[2]).toBe('"cache, big",200,100,100,100,100,10,10,10,250,,,80,80,80,0,0,0,,,,none,0,1,fail,p95 < 200ms');
  });
});
