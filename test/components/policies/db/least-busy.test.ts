// leastBusy: the least loaded replica, ties going round robin from the rotating start.
import { describe, expect, it } from 'vitest';
import { leastBusy } from '../../../../src/components/policies/db/least-busy.js';

describe('leastBusy', () => {
  it('rotates over equally loaded replicas', () => {
    const idle = () => 0;
    expect([0, 1, 2, 3, 4, 5].map((turn) => leastBusy(3, idle, turn))).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('picks the least loaded, the first from start among equals', () => {
    const loads = [3, 1, 2, 1];
    const load = (i: number) => loads[i]!;
    expect(leastBusy(4, load, 0)).toBe(1);
    expect(leastBusy(4, load, 2)).toBe(3);
    expect(leastBusy(4, load, 3)).toBe(3);
    expect(() => leastBusy(0, load, 0)).toThrow(/n must be >= 1/);
  });
});
