// The staleness tracker and the read-your-writes window: exact visibility boundaries,
// in-order replication, and memory bounded by the writes inside the lag window.
import { describe, expect, it } from 'vitest';
import { RecentWriters } from '../../../src/components/database/recent-writers.js';
import { StalenessTracker } from '../../../src/components/database/staleness.js';

describe('StalenessTracker', () => {
  it('marks a replica read stale until the write is visible on that replica', () => {
    const t = new StalenessTracker(2);
    const lags = [0.1, 0.3];
    t.write(7, 1, (r) => lags[r]!);
    expect(t.isStale(7, 0, 1.05)).toBe(true);
    expect(t.isStale(7, 0, 1.1)).toBe(false); // visible from commit + lag on
    expect(t.isStale(7, 1, 1.2)).toBe(true);
    expect(t.isStale(8, 1, 1.2)).toBe(false); // another row was never written
    expect(t.size).toBe(1);
    expect(t.isStale(7, 1, 1.3)).toBe(false);
    expect(t.size).toBe(0); // visible everywhere: forgotten
  });

  it('never reports a stale read with zero lag', () => {
    const t = new StalenessTracker(3);
    for (let i = 0; i < 100; i++) t.write(i % 5, i, () => 0);
    expect(t.isStale(1, 2, 99)).toBe(false);
    expect(t.size).toBeLessThanOrEqual(1);
  });

  it('applies writes in order: a later write with a short lag waits for an earlier one', () => {
    const t = new StalenessTracker(1);
    t.write(1, 0, () => 0.5);
    t.write(1, 0.1, () => 0.01); // would be visible at 0.11, but the replica is still replaying up to 0.5
    expect(t.isStale(1, 0, 0.2)).toBe(true);
    expect(t.isStale(1, 0, 0.5)).toBe(false);
    expect(t.size).toBe(0);
  });

  it('holds only the rows written within the lag window after 10^6 writes', () => {
    const t = new StalenessTracker(2);
    // a write every 0.1 ms over 10^5 distinct rows, lags up to 2 ms: ≤ 20 writes in flight
    let maxSize = 0;
    let maxPending = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const now = i * 1e-4;
      t.write(i % 100_000, now, (r) => (r + 1) * 1e-3);
      if (t.size > maxSize) maxSize = t.size;
      if (t.pending > maxPending) maxPending = t.pending;
    }
    expect(maxSize).toBeLessThanOrEqual(21);
    expect(maxPending).toBeLessThanOrEqual(21);
    t.purge(1e9);
    expect(t.size).toBe(0);
    expect(t.pending).toBe(0);
  });
});

describe('RecentWriters', () => {
  it('remembers a writer for exactly the window, and forgets old writers', () => {
    const w = new RecentWriters(1);
    w.wrote(5, 10);
    expect(w.isRecent(5, 10.999)).toBe(true);
    expect(w.isRecent(5, 11)).toBe(false);
    expect(w.isRecent(6, 10.5)).toBe(false);
    w.wrote(5, 20);
    w.wrote(5, 20.5); // the later write extends the window
    expect(w.isRecent(5, 21.2)).toBe(true);
    for (let i = 0; i < 10_000; i++) w.wrote(i, 30 + i * 0.01); // 100 writers per window
    expect(w.size).toBeLessThanOrEqual(101);
    expect(() => new RecentWriters(0)).toThrow(/window must be a finite duration > 0/);
  });
});
