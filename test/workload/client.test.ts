// Clients that behave like clients, against a scripted server: retry amplification (1+N)×
// when every attempt fails, a retry budget bounding it to (1 + ratio)×, timeouts that abandon
// attempts the server still answers later, backoff delays, and one answer per call.
import { describe, expect, it } from 'vitest';
import { clientWorld, evenly, fail, ok } from './client-world.js';

const report = (w: ReturnType<typeof clientWorld>) => w.gen.report().client!;

describe('retry amplification', () => {
  for (const n of [0, 1, 3]) {
    it(`with ${n} retries and every attempt failing, the server sees exactly (1+${n})× the calls`, () => {
      const w = clientWorld(evenly(100, { retries: { max: n } }), () => fail(), 100);
      w.sim.run();
      const r = report(w);
      expect(r.calls).toBe(10_000);
      expect(r.attempts).toBe((1 + n) * 10_000);
      expect(r.amplification).toBe(1 + n);
      expect(r).toMatchObject({ retries: n * 10_000, succeeded: 0, failed: 10_000, failuresByCause: { dropped: 10_000 } });
      expect(w.gen.responded).toBe(10_000);
    });
  }

  it('a retry is a new request with the next attempt number and the same keys', () => {
    const w = clientWorld(evenly(10, { retries: { max: 2 } }), () => fail(), 10);
    w.sim.run();
    const ids = new Set(w.seen.map((s) => s.id));
    expect(ids.size).toBe(w.seen.length);
    for (let i = 0; i < w.seen.length; i += 3) {
      const [a, b, c] = w.seen.slice(i, i + 3);
      expect([a!.attempt, b!.attempt, c!.attempt]).toEqual([0, 1, 2]);
      expect(new Set([a!.key, b!.key, c!.key]).size).toBe(1);
      // no backoff: each retry leaves as the failure arrives, 10ms later
      expect(b!.t - a!.t).toBeCloseTo(0.01, 12);
      expect(c!.t - b!.t).toBeCloseTo(0.01, 12);
    }
  });

  it('only failed attempts are retried: one failure then success costs 2 attempts and 2 round trips', () => {
    const w = clientWorld(evenly(10, { retries: { max: 3 } }), (req) => (req.attempt === 0 ? fail() : ok()), 10);
    w.sim.run();
    const r = report(w);
    expect(r).toMatchObject({ calls: 100, attempts: 200, amplification: 2, succeeded: 100, failed: 0 });
    expect(r.latencyMs.p50).toBeCloseTo(20, 1);
    expect(r.latencyMs.p99).toBeCloseTo(20, 1);
  });
});

describe('retry budget', () => {
  it('bounds the extra load to its ratio: every attempt failing, amplification 1 + ratio', () => {
    const w = clientWorld(evenly(100, { retries: { max: 3 }, budget: { ratio: '10%' } }), () => fail(), 100);
    w.sim.run();
    const r = report(w);
    // each call deposits 0.1 token and tokens are spent as soon as one is whole: 1000 retries, or 999
    expect(r.retries).toBeGreaterThanOrEqual(999);
    expect(r.retries).toBeLessThanOrEqual(1000);
    expect(r.amplification).toBeGreaterThanOrEqual(1.0999);
    expect(r.amplification).toBeLessThanOrEqual(1.1);
    expect(r.budget!.granted).toBe(r.retries);
    // every call ends on its one refused retry (none gets all three)
    expect(r.budget!.denied).toBe(10_000);
  });

  it('lets a saved burst through at once after a quiet spell, then the ratio', () => {
    // healthy for 10s (1000 calls fill the bucket to its burst of 5), then everything fails
    const w = clientWorld(evenly(100, { retries: { max: 1 }, budget: { ratio: '20%', burst: 5 } }), (_req, now) => (now < 10 ? ok() : fail()), 20);
    w.sim.run();
    const after = w.seen.filter((s) => s.attempt === 1);
    // 5 saved tokens, then one retry per 5 calls: 5 + 1000 × 0.2 = 205 (the last deposit may be unspent)
    expect(after.length).toBeGreaterThanOrEqual(204);
    expect(after.length).toBeLessThanOrEqual(205);
    expect(after.slice(0, 5).map((s) => Math.round(s.t * 100))).toEqual([1001, 1002, 1003, 1004, 1005]);
  });
});

describe('timeouts', () => {
  it('abandon an attempt the server still answers later; the call fails with client_timeout', () => {
    // the server takes 2s; the client waits 1s, then retries after 0.5s and 1s (no jitter)
    const w = clientWorld({ ...evenly(1, { timeout: '1s', retries: { max: 2, backoff: { base: '500ms', cap: '10s', jitter: 'none' } } }), rate: '6/min' }, () => ok(2), 30);
    w.sim.run();
    const r = report(w);
    expect(r).toMatchObject({ calls: 3, attempts: 9, timeouts: 9, lateResponses: 9, succeeded: 0, failed: 3, failuresByCause: { client_timeout: 3 } });
    expect(w.seen.slice(0, 3).map((s) => s.t)).toEqual([0, 1.5, 3.5]);
  });

  it('a closed-loop user waits for the whole call, retries included, before thinking', () => {
    const source = { type: 'closed_loop', users: 1, wait_time: { constant: 0 }, tasks: { get_user: 1 }, client: { timeout: '1s', retries: { max: 1 } } };
    const w = clientWorld(source, () => ok(1.5), 10);
    w.sim.run();
    // attempts at 0 and 1 time out at 1 and 2; the next call starts at 2
    expect(w.seen.slice(0, 4).map((s) => [s.t, s.attempt])).toEqual([[0, 0], [1, 1], [2, 0], [3, 1]]);
    expect(report(w).failuresByCause).toEqual({ client_timeout: 5 });
  });

  it('an answer in time cancels the timeout: no retry, no late response', () => {
    const w = clientWorld(evenly(10, { timeout: '1s', retries: { max: 3 } }), () => ok(0.5), 10);
    w.sim.run();
    expect(report(w)).toMatchObject({ calls: 100, attempts: 100, timeouts: 0, lateResponses: 0, succeeded: 100 });
  });
});

describe('backoff with jitter', () => {
  it('full jitter spreads retries uniformly below the exponential ceiling', () => {
    const w = clientWorld(evenly(1, { retries: { max: 2, backoff: { base: '100ms', cap: '1s', jitter: 'full' } } }), () => fail(0), 2000);
    w.sim.run();
    const byCall = new Map<number, number[]>();
    let call = -1;
    for (const s of w.seen) {
      if (s.attempt === 0) byCall.set(++call, []);
      byCall.get(call)!.push(s.t);
    }
    const first: number[] = [];
    const second: number[] = [];
    for (const t of byCall.values()) {
      if (t.length < 3) continue;
      first.push(t[1]! - t[0]!);
      second.push(t[2]! - t[1]!);
    }
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    // uniform on [0, 0.1) and [0, 0.2) over 2000 calls: means 0.05 and 0.1, sd of the mean 0.0007 and 0.0013
    expect(Math.abs(mean(first) - 0.05)).toBeLessThan(0.003);
    expect(Math.abs(mean(second) - 0.1)).toBeLessThan(0.006);
    expect(Math.max(...first)).toBeLessThan(0.1);
    expect(Math.max(...second)).toBeLessThan(0.2);
  });
});
