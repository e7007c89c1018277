// The simple queue-depth scaler: ceil(backlog / per worker) within [min, max], up at once,
// down only once the lower count has held for the cooldown.
import { describe, expect, it } from 'vitest';
import { queueDepthReplicas, type QueueDepthSpec } from '../../../../src/components/policies/scaling/queue-depth.js';
import type { Recommendation } from '../../../../src/components/policies/scaling/stabilize.js';

const spec: QueueDepthSpec = { perWorker: 10, minReplicas: 1, maxReplicas: 8, cooldown: 60 };

function replay(backlogs: number[], initial: number): number[] {
  const history: Recommendation[] = [];
  let current = initial;
  return backlogs.map((b, i) => (current = queueDepthReplicas(history, current, b, 15 * (i + 1), spec)));
}

describe('queueDepthReplicas', () => {
  it('scales up at once to ceil(backlog / per worker), capped at max', () => {
    expect(replay([35, 40, 41, 500], 1)).toEqual([4, 4, 5, 8]);
  });

  it('scales down only after the lower count held for the cooldown (60 s at 15 s syncs)', () => {
    // t=15: 8 (from 500 wanted). Backlog 0 from t=30 wants 1; the 8 of t=15 holds while
    // now - 15 < 60, so the first drop is at t=75
    expect(replay([500, 0, 0, 0, 0, 0], 2)).toEqual([8, 8, 8, 8, 1, 1]);
  });

  it('the count at the first call holds the cooldown too; min applies', () => {
    expect(replay([0, 0, 0, 0, 0], 6)).toEqual([6, 6, 6, 6, 1]);
    expect(() => replay([-1], 1)).toThrow(/backlog/);
  });
});
