// The --check verdict: marked strategies must meet every SLO everywhere (and at 10x); with
// none marked, one strategy meeting them all is enough.
import { describe, expect, it } from 'vitest';
import { checkResults } from '../../src/experiment/check.js';
import type { ExperimentResults, ResultRow } from '../../src/experiment/results.js';
import { makeRow } from './make-row.js';

const fail = (text: string) => ({ text, pass: false, value: 1 });

function results(rows: ResultRow[], tenXPass = true): ExperimentResults {
  return {
    experiment: { name: 'x', hash: '0', seed: 1, replications: 1, duration: 1, warmup: 0, baseline: 'a' },
    strategies: [{ name: 'a' }, { name: 'b' }],
    axes: [{ name: 'users', label: 'users', values: [1, 2] }],
    slos: [],
    rows,
    tenX: [{ strategy: 'b', baseOffered: 10, tenXOffered: 100, pass: tenXPass, p95Ms: 1, errorRate: 0 }],
    timeseries: [], diagnosis: [],
  };
}

const rows = [
  makeRow({ strategy: 'a', point: { users: 1 } }),
  makeRow({ strategy: 'a', point: { users: 2 }, pass: false, slo: [fail('p95 < 200ms')] }),
  makeRow({ strategy: 'b', point: { users: 1 } }),
  makeRow({ strategy: 'b', point: { users: 2 } }),
];

describe('checkResults', () => {
  it('fails when a marked strategy misses an SLO, naming where', () => {
    expect(checkResults(results(rows), ['a'])).toEqual({ pass: false, lines: ['a: fails p95 < 200ms at users=2'] });
    expect(checkResults(results(rows), ['b'])).toEqual({ pass: true, lines: ['b: meets every SLO'] });
  });

  it('counts the 10x check', () => {
    expect(checkResults(results(rows, false), ['b'])).toEqual({ pass: false, lines: ['b: fails 10x load (100 req/s)'] });
  });

  it('with none marked, passes when any strategy meets every SLO', () => {
    expect(checkResults(results(rows), []).pass).toBe(true);
    expect(checkResults(results(rows, false), []).pass).toBe(false);
  });
});
