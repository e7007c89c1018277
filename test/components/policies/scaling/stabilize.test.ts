// Stabilisation: the current count moves no further than the lowest recent recommendation
// (scale-up window) and the highest (scale-down window); old records are forgotten.
import { describe, expect, it } from 'vitest';
import { insideWindow, stabilize, type Recommendation } from '../../../../src/components/policies/scaling/stabilize.js';

describe('stabilize', () => {
  it('a window of 0 holds nothing; a record exactly one window old is out', () => {
    expect(insideWindow(10, 10, 0)).toBe(false);
    expect(insideWindow(10, 70, 60)).toBe(false);
    expect(insideWindow(10.000001, 70, 60)).toBe(true);
    expect(insideWindow(0.1 + 0.2, 60.3, 60)).toBe(false); // float sums on the edge count as on it
  });

  it('clamps the current count between the up and down recommendations', () => {
    const history: Recommendation[] = [{ t: 0, replicas: 8 }, { t: 30, replicas: 3 }];
    // up window 60: min(5, 8, 3) = 3; down window 60: max(5, 8, 3) = 8 → current 6 stays 6
    expect(stabilize(history, 45, 6, 5, { up: 60, down: 60 })).toBe(6);
    // current 2 is raised to the lowest recent recommendation (3), current 9 lowered to 8
    expect(stabilize([...history], 45, 2, 5, { up: 60, down: 60 })).toBe(3);
    expect(stabilize([...history], 45, 9, 5, { up: 60, down: 60 })).toBe(8);
  });

  it('records the raw recommendation and forgets records older than both windows', () => {
    const history: Recommendation[] = [{ t: 0, replicas: 8 }, { t: 30, replicas: 3 }];
    stabilize(history, 100, 4, 4, { up: 0, down: 60 });
    expect(history).toEqual([{ t: 100, replicas: 4 }]);
  });
});
