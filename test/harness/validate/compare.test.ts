import { describe, expect, it } from 'vitest';
import { errorsOf, relativeError, tallyVerdicts, verdictOf, type Figures } from '../../../src/harness/validate/compare.js';

const figures = (o: Partial<Figures>): Figures => ({ throughput: null, p50: null, p95: null, p99: null, poolWaitMs: null, hitRatio: null, taskP50: null, taskP95: null, ...o });

describe('relativeError', () => {
  it('is (predicted - measured) / measured', () => {
    expect(relativeError(110, 100)).toBeCloseTo(0.1, 12);
    expect(relativeError(75, 100)).toBeCloseTo(-0.25, 12);
  });

  it('is null when a side is missing, not finite, or the measurement is zero', () => {
    expect(relativeError(null, 1)).toBeNull();
    expect(relativeError(1, null)).toBeNull();
    expect(relativeError(1, 0)).toBeNull();
    expect(relativeError(Number.POSITIVE_INFINITY, 1)).toBeNull();
  });
});

describe('verdictOf', () => {
  const errs = errorsOf(figures({ throughput: 104, p50: 11.4, p95: 26 }), figures({ throughput: 100, p50: 10, p95: 20 }));

  it('judges each figure against its target at loads up to 80 % of saturation', () => {
    // +4 % throughput (target 5 %), +14 % p50 (15 %), +30 % p95 (25 %)
    expect(verdictOf(errs, 0.8)).toEqual({ targeted: true, throughput: true, p50: true, p95: false });
  });

  it('does not judge loads beyond 80 % of saturation', () => {
    expect(verdictOf(errs, 0.81)).toEqual({ targeted: false, throughput: null, p50: null, p95: null });
  });

  it('fails a targeted figure that could not be compared', () => {
    expect(verdictOf(errorsOf(figures({}), figures({ throughput: 5 })), 0.2).throughput).toBe(false);
  });

  it('tallies the targeted figures', () => {
    expect(tallyVerdicts([verdictOf(errs, 0.5), verdictOf(errs, 1.2)])).toEqual({ checked: 3, passed: 2 });
  });
});
