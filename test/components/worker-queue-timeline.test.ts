import { describe, expect, it } from 'vitest';
import { DepthTimeline, MAX_WINDOWS } from '../../src/components/worker-queue/timeline.js';
import { queueWorld, sleep } from './worker-queue-helpers.js';

describe('queue depth timeline', () => {
  it('keeps the time-weighted mean and peak per window, the open window up to now', () => {
    const t = new DepthTimeline(10, 0);
    t.set(5, 4);
    t.set(15, 2);
    expect(t.snapshot(25)).toEqual([
      { t: 0, mean: 2, max: 4 },
      { t: 10, mean: 3, max: 4 },
      { t: 20, mean: 2, max: 2 },
    ]);
  });

  it('stays bounded on long runs by merging neighbours, preserving the area under the depth', () => {
    const t = new DepthTimeline(10, 0);
    let area = 0;
    let level = 0;
    let last = 0;
    for (let now = 1; now <= 100_000; now += 7) {
      area += level * (now - last);
      level = (now * 13) % 17;
      last = now;
      t.set(now, level);
    }
    const end = 100_002;
    area += level * (end - last);
    const points = t.snapshot(end);
    expect(points.length).toBeLessThanOrEqual(MAX_WINDOWS + 1);
    expect(t.window).toBe(160); // 10 s doubled four times: 100 000 s / 160 s = 625 windows
    const width = t.window;
    const sum = points.reduce((s, p, i) => s + p.mean * (i === points.length - 1 ? end - p.t : width), 0);
    expect(sum).toBeCloseTo(area, 6);
    expect(Math.max(...points.map((p) => p.max))).toBe(16);
  });

  it('refuses a width that is not a positive duration', () => {
    expect(() => new DepthTimeline(0, 0)).toThrow(/width must be a finite number of seconds > 0 \(got 0\)/);
  });

  it('a worker_queue exposes its ready depth over time', () => {
    const { w, q, send } = queueWorld({ broker: { latency: { constant: 0 } }, workers: { instances: 1, concurrency: 1 }, tasks: { t: [{ sleep: { constant: '10s' } }] } }, (w) => ({ t: [sleep(w, 10)] }));
    for (let k = 0; k < 4; k++) send();
    w.sim.run();
    // 3 ready over [0,10), 2 over [10,20), 1 over [20,30), none after
    expect(q.timeline(40).map((p) => [p.t, p.mean, p.max])).toEqual([[0, 3, 3], [10, 2, 2], [20, 1, 1], [30, 0, 0]]);
  });
});
