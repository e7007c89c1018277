// Arrival processes as pure functions: Poisson counts and gaps against theory, thinning of
// spike, diurnal, ramp and step profiles against ∫λ per window (Poisson: variance = mean),
// thinning's cost per arrival, and exact even spacing.
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random/streams.js';
import type { RandomStream } from '../../src/engine/types.js';
import { evenArrival, nextPoissonArrival } from '../../src/workload/arrivals.js';
import { constantRate, diurnalRate, rampRate, spikeRate, stepsRate, type RateFunction } from '../../src/workload/profiles/index.js';
import { KS_CRITICAL_0_001, ksScaled } from '../engine/random/stat-helpers.js';
import { countIn } from './world.js';

class Counting implements RandomStream {
  draws = 0;
  constructor(private readonly inner: RandomStream) {}
  get name(): string {
    return this.inner.name;
  }
  next(): number {
    this.draws++;
    return this.inner.next();
  }
}

function poissonTimes(fn: RateFunction, until: number, rng: RandomStream): Float64Array {
  const out: number[] = [];
  for (let t = nextPoissonArrival(fn, 0, until, rng); t < until; t = nextPoissonArrival(fn, t, until, rng)) out.push(t);
  return Float64Array.from(out);
}

/** Counts in each window within 4 sd of ∫λ (a Poisson count's variance is its mean). */
function expectWindows(fn: RateFunction, times: Float64Array, edges: number[]): void {
  for (let i = 0; i + 1 < edges.length; i++) {
    const [a, b] = [edges[i]!, edges[i + 1]!];
    const expected = fn.cumulative(b) - fn.cumulative(a);
    const got = countIn(times, a, b);
    expect(Math.abs(got - expected), `[${a}, ${b}): ${got} arrivals, expected ${expected}`).toBeLessThanOrEqual(4 * Math.sqrt(expected) + 1e-9);
  }
}

describe('Poisson at a constant rate', () => {
  const rate = 50, T = 2000;
  const times = poissonTimes(constantRate(rate), T, createStream(7, 'arrivals'));
  it('counts rate × T within 4 sd', () => {
    expect(Math.abs(times.length - rate * T)).toBeLessThanOrEqual(4 * Math.sqrt(rate * T));
  });
  it('has exponential gaps (KS at 0.1%, mean and variance within 4 se)', () => {
    const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!));
    expect(ksScaled(gaps, (x) => 1 - Math.exp(-rate * x))).toBeLessThan(KS_CRITICAL_0_001);
    const n = gaps.length;
    const mean = gaps.reduce((s, g) => s + g, 0) / n;
    const variance = gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / n;
    expect(Math.abs(mean - 1 / rate)).toBeLessThan((4 / rate) / Math.sqrt(n));
    // Var of the sample variance of Exp(λ): (μ4 − σ⁴)/n = 8/λ⁴/n
    expect(Math.abs(variance - 1 / rate ** 2)).toBeLessThan(4 * Math.sqrt(8 / n) / rate ** 2);
  });
  it('never reaches `until`', () => {
    expect(times[times.length - 1]!).toBeLessThan(T);
    expect(nextPoissonArrival(constantRate(rate), T - 1e-9, T, createStream(1, 'x'))).toBe(Infinity);
  });
});

describe('non-homogeneous Poisson by thinning', () => {
  it('follows a spike: base, peak and after, window by window', () => {
    const fn = spikeRate({ base: 20, peak: 400, at: 100, for: 50 });
    const times = poissonTimes(fn, 300, createStream(3, 'spike'));
    expectWindows(fn, times, [0, 50, 100, 110, 125, 150, 200, 300]);
  });
  it('follows a diurnal sinusoid over three periods, in eighths of a period', () => {
    const fn = diurnalRate({ mean: 30, amplitude: 0.9, period: 1000, peak_at: 250 });
    const times = poissonTimes(fn, 3000, createStream(3, 'diurnal'));
    expectWindows(fn, times, Array.from({ length: 25 }, (_, i) => i * 125));
    expect(Math.abs(times.length - 90_000)).toBeLessThanOrEqual(4 * Math.sqrt(90_000));
  });
  it('follows a ramp from 0', () => {
    const fn = rampRate({ from: 0, to: 500, over: 200, start: 20 });
    const times = poissonTimes(fn, 260, createStream(3, 'ramp'));
    expect(countIn(times, 0, 20)).toBe(0);
    expectWindows(fn, times, [20, 40, 60, 100, 150, 200, 220, 260]);
  });
  it('stays cheap on long quiet steps: about two draws per arrival, not peak/λ', () => {
    const steps = Array.from({ length: 40 }, (_, i) => ({ at: i * 50, rate: i % 2 === 0 ? 2000 : 1 }));
    const fn = stepsRate(steps);
    const rng = new Counting(createStream(5, 'steps'));
    const times = poissonTimes(fn, 2000, rng);
    expectWindows(fn, times, [0, 50, 100, 150, 1950, 2000]);
    // each candidate costs two uniforms; every accepted one at the bound of its own step
    expect(rng.draws / times.length).toBeLessThan(2.01);
  });
  it('wastes under 10% of candidates on a full-swing diurnal profile', () => {
    const fn = diurnalRate({ mean: 100, amplitude: 1, period: 600, peak_at: 0 });
    const rng = new Counting(createStream(5, 'diurnal-cost'));
    const times = poissonTimes(fn, 6000, rng);
    expect(rng.draws / times.length).toBeLessThan(2 / 0.9);
  });
  it('gives nothing at all at rate 0', () => {
    expect(nextPoissonArrival(constantRate(0), 0, 1e9, createStream(1, 'zero'))).toBe(Infinity);
  });
});

describe('evenly spaced arrivals', () => {
  it('puts arrival k at k / rate exactly: rate × T of them in [0, T)', () => {
    const fn = constantRate(10);
    const times: number[] = [];
    for (let k = 0; evenArrival(fn, k) < 100; k++) times.push(evenArrival(fn, k));
    expect(times.length).toBe(1000);
    times.forEach((t, k) => expect(t).toBe(k / 10));
  });
  it('follows a profile: arrival k where Λ reaches k, so ceil(Λ(T)) arrivals in [0, T)', () => {
    const fn = spikeRate({ base: 3, peak: 47, at: 10, for: 5 });
    const times: number[] = [];
    for (let k = 0; evenArrival(fn, k) < 40; k++) times.push(evenArrival(fn, k));
    expect(times.length).toBe(Math.ceil(fn.cumulative(40)));
    expect(countIn(times, 10, 15)).toBe(235);
    times.forEach((t, k) => expect(fn.cumulative(t)).toBeCloseTo(k, 9));
  });
  it('waits for a profile that starts at rate 0', () => {
    const fn = stepsRate([{ at: 0, rate: 0 }, { at: 5, rate: 2 }]);
    expect(evenArrival(fn, 0)).toBe(5);
    expect(evenArrival(fn, 3)).toBe(6.5);
  });
});
