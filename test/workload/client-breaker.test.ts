// The circuit breaker: pure state machine checks (window, threshold, minimum, half-open
// probes), then through a source: it opens after the first window's failures, refuses calls
// at once (circuit_open, never reaching the server), probes every open_for, and closes when
// the server is back.
import { describe, expect, it } from 'vitest';
import { CircuitBreaker, CLOSED, HALF_OPEN, OPEN, PROBE, REFUSE, SEND } from '../../src/workload/client/index.js';
import { clientWorld, evenly, fail, ok } from './client-world.js';

const breaker = (over: Partial<ConstructorParameters<typeof CircuitBreaker>[0]> = {}) =>
  new CircuitBreaker({ threshold: 0.5, window: 10, minRequests: 4, openFor: 5, probes: 1, ...over });

describe('circuit breaker (pure)', () => {
  it('opens once min_requests outcomes are in and the failed share reaches the threshold', () => {
    const b = breaker();
    b.record(false, 0, SEND);
    b.record(false, 0.1, SEND);
    b.record(true, 0.2, SEND);
    expect(b.state).toBe(CLOSED);
    b.record(true, 0.3, SEND);
    // 2 of 4 failed = 50%: opens
    expect(b.state).toBe(OPEN);
    expect(b.opened).toBe(1);
  });

  it('forgets outcomes older than the window', () => {
    const b = breaker();
    for (const t of [0, 0.5, 1]) b.record(false, t, SEND);
    for (const t of [11.5, 12, 12.5]) b.record(true, t, SEND);
    // the three failures left the window: 0 of 3, then 1 of 4 failed
    b.record(false, 13, SEND);
    expect(b.state).toBe(CLOSED);
  });

  it('refuses while open, lets `probes` through when half-open, closes when they all succeed', () => {
    const b = breaker({ probes: 2 });
    for (let i = 0; i < 4; i++) b.record(false, 1, SEND);
    expect([b.allow(1), b.allow(5.99)]).toEqual([REFUSE, REFUSE]);
    expect([b.allow(6), b.allow(6), b.allow(6)]).toEqual([PROBE, PROBE, REFUSE]);
    expect(b.state).toBe(HALF_OPEN);
    b.record(false, 6.1, SEND); // an attempt sent before it opened: ignored
    b.record(true, 6.2, PROBE);
    expect(b.state).toBe(HALF_OPEN);
    b.record(true, 6.3, PROBE);
    expect(b.state).toBe(CLOSED);
    expect(b.allow(6.4)).toBe(SEND);
    expect(b.refused).toBe(3);
    expect(b.openTime(7)).toBeCloseTo(5.3, 12);
  });

  it('a failed probe opens it again for open_for', () => {
    const b = breaker();
    for (let i = 0; i < 4; i++) b.record(false, 0, SEND);
    expect(b.allow(5)).toBe(PROBE);
    b.record(false, 5.5, PROBE);
    expect([b.state, b.allow(10.4), b.allow(10.5)]).toEqual([OPEN, REFUSE, PROBE]);
    expect(b.opened).toBe(1);
  });

  it('refuses bad settings, naming them', () => {
    expect(() => breaker({ threshold: 0 })).toThrow(/failure_threshold must be in \(0, 1\] \(got 0\)/);
    expect(() => breaker({ window: 0 })).toThrow(/window must be a finite duration > 0 \(got 0\)/);
  });
});

const cb = { circuit_breaker: { failure_threshold: '50%', window: '10s', min_requests: 20, open_for: '5s' } };

describe('circuit breaker through a source', () => {
  it('opens after 20 failures, then only one probe per open_for reaches a dead server', () => {
    const w = clientWorld(evenly(100, cb), () => fail(), 20);
    w.sim.run();
    const r = w.gen.report().client!;
    // 20 attempts before it opens at 0.2s, then probes near 5.2s, 10.2s and 15.2s
    expect(r.attempts).toBe(23);
    expect(w.seen).toHaveLength(23);
    expect(r.breaker).toMatchObject({ opened: 1, refused: 2000 - 23, state: 'open' });
    // open from 0.2s to the last call at 19.99s
    expect(r.breaker!.openSeconds).toBeCloseTo(19.79, 6);
    expect(r.failuresByCause).toEqual({ circuit_open: 1977, dropped: 23 });
    expect(w.gen.responded).toBe(2000);
  });

  it('closes on the first probe after the server is back', () => {
    const w = clientWorld(evenly(100, cb), (_req, now) => (now < 8 ? fail() : ok()), 20);
    w.sim.run();
    const r = w.gen.report().client!;
    // probes near 5.2s (fails) and 10.21s (succeeds, closing at 10.22s); every call after succeeds
    expect(r.breaker).toMatchObject({ opened: 1, state: 'closed' });
    expect(r.breaker!.openSeconds).toBeCloseTo(10.02, 1);
    expect(r.attempts).toBe(21 + r.succeeded);
    expect(Math.abs(r.succeeded - 979)).toBeLessThanOrEqual(1);
    expect(r.breaker!.refused).toBe(2000 - r.attempts);
  });

  it('a closed-loop user refused at once pauses 1ms instead of spinning at one instant', () => {
    const source = { type: 'closed_loop', users: 1, wait_time: { constant: 0 }, tasks: { get_user: 1 }, ...{ client: cb } };
    const w = clientWorld(source, () => fail(0.01), 2);
    w.sim.run();
    const r = w.gen.report().client!;
    // 20 failures in 0.2s open it; 1.8s of refusals at one per ms
    expect(r.attempts).toBe(20);
    expect(Math.abs(r.breaker!.refused - 1800)).toBeLessThanOrEqual(1);
  });
});
