// The pure parts of client reporting: the recovery verdict from a goodput series, the
// windowed series itself, and the retry budget's token arithmetic.
import { describe, expect, it } from 'vitest';
import { recoveryOf, RetryBudget, WindowSeries } from '../../src/workload/client/index.js';

const offered = (n: number) => Array<number>(n).fill(100);

describe('recovery verdict', () => {
  it('steady when every window is within tolerance', () => {
    expect(recoveryOf(offered(6), [100, 95, 91, 100, 99, 100], 10, 6, 0.1)).toEqual({ status: 'steady', degradedAt: null, recoveredAt: null });
  });

  it('recovered at the start of the final healthy run that lasts at least 3 windows', () => {
    const good = [100, 100, 40, 0, 0, 20, 95, 100, 100, 100];
    expect(recoveryOf(offered(10), good, 10, 10, 0.1)).toEqual({ status: 'recovered', degradedAt: 20, recoveredAt: 60 });
  });

  it('not recovered when the last windows are unhealthy, or healthy too briefly', () => {
    expect(recoveryOf(offered(6), [100, 50, 0, 0, 0, 0], 10, 6, 0.1)).toEqual({ status: 'not_recovered', degradedAt: 10, recoveredAt: null });
    expect(recoveryOf(offered(6), [100, 50, 0, 0, 100, 100], 10, 6, 0.1).status).toBe('not_recovered');
  });

  it('windows with nothing offered count as healthy; only the first `windows` are judged', () => {
    expect(recoveryOf([0, 0, 100, 100], [0, 0, 100, 0], 5, 3, 0.1).status).toBe('steady');
  });
});

describe('window series', () => {
  it('counts events in [k·w, (k+1)·w) and knows how many windows are complete', () => {
    const s = new WindowSeries(10);
    s.call(0);
    s.call(9.999);
    s.attempt(10);
    s.success(25);
    expect([s.offered, s.attempts, s.goodput]).toEqual([[2, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect([s.complete(29.9), s.complete(30)]).toEqual([2, 3]);
    expect(() => new WindowSeries(0)).toThrow(/window must be a finite duration > 0 \(got 0\)/);
  });
});

describe('retry budget', () => {
  it('ten deposits of 10% make exactly one retry (no floating-point shortfall)', () => {
    const b = new RetryBudget(0.1, 10);
    for (let i = 0; i < 9; i++) b.called();
    expect(b.withdraw()).toBe(false);
    b.called();
    expect([b.withdraw(), b.withdraw()]).toEqual([true, false]);
    expect([b.granted, b.denied]).toEqual([1, 2]);
  });

  it('saves at most `burst` tokens', () => {
    const b = new RetryBudget(0.5, 3);
    for (let i = 0; i < 100; i++) b.called();
    expect(b.tokens).toBe(3);
    expect([b.withdraw(), b.withdraw(), b.withdraw(), b.withdraw()]).toEqual([true, true, true, false]);
  });

  it('refuses bad settings, naming them', () => {
    expect(() => new RetryBudget(-1, 1)).toThrow(/ratio must be a finite number >= 0 \(got -1\)/);
    expect(() => new RetryBudget(0.1, 0)).toThrow(/burst must be a finite number >= 1 \(got 0\)/);
  });
});
