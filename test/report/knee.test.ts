import { describe, expect, it } from 'vitest';
import { findKnee, p95SloMs } from '../../src/report/knee.js';

describe('findKnee: first load where p95 doubles from light load or breaks the SLO', () => {
  // A hand-made hockey stick: flat near 40 ms, then queueing takes over.
  const curve = [
    { x: 100, p95: 40 }, { x: 200, p95: 44 }, { x: 400, p95: 60 }, { x: 800, p95: 95 }, { x: 1600, p95: 900 },
  ];

  it('picks the first point above 2× the lightest load (80 ms): 800 req/s', () => {
    expect(findKnee(curve)).toEqual({ x: 800, p95: 95, index: 3, reason: 'doubled' });
  });

  it('an SLO below the doubling point moves the knee earlier', () => {
    expect(findKnee(curve, { sloMs: 50 })).toEqual({ x: 400, p95: 60, index: 2, reason: 'slo' });
  });

  it('a point exactly at 2× or exactly at the SLO is not past the knee (strictly above)', () => {
    const edge = [{ x: 1, p95: 10 }, { x: 2, p95: 20 }, { x: 3, p95: 21 }];
    expect(findKnee(edge, { sloMs: 20 })?.x).toBe(3);
    expect(findKnee(edge, { sloMs: 20 })?.reason).toBe('slo');
  });

  it('sorts by load first and ignores non-finite points', () => {
    const shuffled = [curve[4]!, curve[0]!, { x: 300, p95: NaN }, curve[2]!, curve[1]!, curve[3]!];
    expect(findKnee(shuffled)?.x).toBe(800);
  });

  it('a light load already over the SLO is the knee; a flat curve has none', () => {
    expect(findKnee([{ x: 1, p95: 300 }, { x: 2, p95: 310 }], { sloMs: 200 })).toMatchObject({ x: 1, reason: 'slo' });
    expect(findKnee([{ x: 1, p95: 30 }, { x: 2, p95: 35 }, { x: 3, p95: 59 }])).toBeNull();
    expect(findKnee([])).toBeNull();
  });

  it('uses the factor given and rejects a factor that cannot mean "turned up"', () => {
    expect(findKnee(curve, { factor: 1.4 })?.x).toBe(400);
    expect(() => findKnee(curve, { factor: 1 })).toThrow(/factor must be a finite number > 1, got 1/);
    expect(() => findKnee(curve, { factor: NaN })).toThrow(/factor/);
  });
});

describe('p95SloMs', () => {
  it('reads the upper bound on p95, ignoring other metrics and lower bounds', () => {
    expect(p95SloMs([
      { text: 'errors < 0.1%', metric: 'errors', op: '<', threshold: 0.001 },
      { text: 'p95 > 1ms', metric: 'p95', op: '>', threshold: 1 },
      { text: 'p95 <= 250ms', metric: 'p95', op: '<=', threshold: 250 },
    ])).toBe(250);
    expect(p95SloMs([])).toBeNull();
  });
});
