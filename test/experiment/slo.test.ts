// SLO lines: what parses into which SloSpec (thresholds in ms, fractions, req/s), what is
// refused and why, and the verdicts — including a latency with nothing measured.
import { describe, expect, it } from 'vitest';
import { compare, judge, parseSlo, type SloFigures } from '../../src/experiment/slo.js';

const spec = (text: string) => {
  const r = parseSlo(text);
  if (!r.ok) throw new Error(`did not parse: ${text}`);
  return r.value;
};

describe('parseSlo', () => {
  it('parses each metric into its own unit', () => {
    expect(spec('p95 < 200ms')).toEqual({ text: 'p95 < 200ms', metric: 'p95', op: '<', threshold: 200 });
    expect(spec('  p99<=1.5s ')).toEqual({ text: 'p99<=1.5s', metric: 'p99', op: '<=', threshold: 1500 });
    expect(spec('mean < 250us').threshold).toBeCloseTo(0.25, 12);
    expect(spec('errors < 0.1%')).toEqual({ text: 'errors < 0.1%', metric: 'errors', op: '<', threshold: 0.001 });
    expect(spec('errors <= 0.02').threshold).toBe(0.02);
    expect(spec('throughput >= 2k/s')).toMatchObject({ metric: 'throughput', op: '>=', threshold: 2000 });
    expect(spec('throughput > 120/min').threshold).toBe(2);
    expect(spec('error_rate < 1%').metric).toBe('errors');
  });

  it('refuses a bare latency number with the fix in the hint', () => {
    const r = parseSlo('p95 < 200');
    expect(r).toEqual({ ok: false, problem: expect.objectContaining({ code: 'SIM_E_BAD_UNIT', hint: 'write `200ms` or `0.2s`' }) });
  });

  it('suggests the metric meant', () => {
    const r = parseSlo('p59 < 200ms');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ detail: 'unknown SLO metric `p59`', hint: 'did you mean `p50`?' });
  });

  it('refuses text without a comparison, and non-strings', () => {
    expect(parseSlo('errors below 1%').ok).toBe(false);
    expect(parseSlo('p95 = 200ms').ok).toBe(false);
    expect(parseSlo(200)).toMatchObject({ ok: false, problem: { code: 'SIM_E_INVALID_TYPE' } });
    expect(parseSlo('errors < 150%').ok).toBe(false);
  });
});

describe('judge', () => {
  const f: SloFigures = { p50Ms: 20, p95Ms: 199.9, p99Ms: 400, meanMs: 30, errorRate: 0.001, throughput: 500 };

  it('compares the mean figures with the threshold', () => {
    expect(judge(spec('p95 < 200ms'), f)).toEqual({ text: 'p95 < 200ms', pass: true, value: 199.9 });
    expect(judge(spec('p99 < 200ms'), f)).toEqual({ text: 'p99 < 200ms', pass: false, value: 400 });
    expect(judge(spec('errors < 0.1%'), f).pass).toBe(false); // 0.001 is not < 0.001
    expect(judge(spec('errors <= 0.1%'), f).pass).toBe(true);
    expect(judge(spec('throughput >= 500/s'), f).pass).toBe(true);
    expect(judge(spec('throughput > 500/s'), f).pass).toBe(false);
  });

  it('fails a latency SLO when nothing succeeded to measure', () => {
    expect(judge(spec('p95 < 200ms'), { ...f, p95Ms: null })).toEqual({ text: 'p95 < 200ms', pass: false, value: 0 });
  });

  it('implements the four comparisons at the boundary', () => {
    expect([compare(1, '<', 1), compare(1, '<=', 1), compare(1, '>', 1), compare(1, '>=', 1)]).toEqual([false, true, false, true]);
  });
});
