// app_tier wake_up: an event loop that idled longer than after_idle pays a wake-up cost
// before the next callback. Against the exact M/G/1 figures (Poisson arrivals: an idle period
// is Exp(λ), so an arrival wakes the loop with probability P0·e^(−λτ)), the limit cases, and
// the schema's refusal for other runtimes.
import { describe, expect, it } from 'vitest';
import { appTier, type AppTier } from '../../src/components/app-tier.js';
import type { Entry } from '../../src/components/contracts.js';
import { constant, exponential } from '../../src/engine/random/continuous.js';
import type { Distribution } from '../../src/engine/types.js';
import { CpuStep } from '../../src/flow/steps/cpu.js';
import { testWorld, type TestWorld } from './env.js';

const cpu = (w: TestWorld, d: Distribution) => new CpuStep('cpu', d, w.sim.stream('cpu'));

function tier(w: TestWorld, fields: Record<string, unknown>): AppTier {
  const built = appTier.build('app', appTier.schema.parse({ kind: 'app_tier', runtime: 'event_loop', ...fields }), w.env('app'));
  w.components.set('app', built);
  return built;
}

function poisson(w: TestWorld, entry: Entry, rate: number, until: number): void {
  const rng = w.sim.stream('arrivals');
  const gap = exponential(1 / rate);
  const arrive = (): void => {
    entry.accept(w.request(0));
    if (w.sim.now < until) w.sim.schedule(gap.sample(rng), arrive, null);
  };
  w.sim.schedule(gap.sample(rng), arrive, null);
}

/** λ = 500/s, 1 ms of CPU per request, for `until` seconds after a 10 s warm-up. */
function run(wake: Record<string, unknown> | undefined, until = 2000) {
  const w = testWorld(7);
  w.flows.endpoints.push([cpu(w, constant(0.001))]);
  const t = tier(w, wake === undefined ? {} : { wake_up: wake });
  poisson(w, t, 500, until);
  w.sim.schedule(10, () => t.resetStats(10), null);
  w.sim.run({ until });
  const rep = t.report(until);
  const done = w.responses.filter((r) => r.startedAt >= 10);
  return { rep, latencies: done.map((r) => r.respondedAt - r.startedAt) };
}

describe('event loop wake-up cost', () => {
  it('wakes on the exact share of arrivals and adds their CPU to the utilisation (M/G/1)', () => {
    const lambda = 500, s = 0.001, w = 0.0005, tau = 0.0004;
    const e = Math.exp(-lambda * tau);
    // f = P0·e^(−λτ) with P0 = 1 − λ(S + f·w)
    const f = ((1 - lambda * s) * e) / (1 + lambda * w * e);
    const { rep } = run({ after_idle: '0.4ms', cost: '0.5ms' });
    const share = rep.extra!.wake_ups! / rep.extra!.accepted!;
    expect(share).toBeGreaterThan(f - 0.003);
    expect(share).toBeLessThan(f + 0.003);
    expect(rep.utilisation!).toBeCloseTo(lambda * (s + f * w), 2);
    expect(rep.extra!.wake_cpu_seconds!).toBeCloseTo(rep.extra!.wake_ups! * w, 6);
  });

  it('charged after the callback, costs the core the same but not the request that woke it', () => {
    const lambda = 500, s = 0.001, w = 0.0005, tau = 0.0004;
    const e = Math.exp(-lambda * tau);
    const f = ((1 - lambda * s) * e) / (1 + lambda * w * e);
    const before = run({ after_idle: '0.4ms', cost: '0.5ms' });
    const after = run({ after_idle: '0.4ms', cost: '0.5ms', charge: 'after' });
    const share = after.rep.extra!.wake_ups! / after.rep.extra!.accepted!;
    expect(Math.abs(share - f)).toBeLessThan(0.003);
    expect(after.rep.utilisation!).toBeCloseTo(lambda * (s + f * w), 2);
    // a request that wakes the loop no longer waits for it: a share f of requests is 0.5 ms quicker
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(before.latencies) - mean(after.latencies)).toBeGreaterThan(0.8 * f * w);
    expect(after.latencies.reduce((m, x) => Math.min(m, x), Infinity)).toBeCloseTo(s, 9);
  });

  it('falls with load: the CPU per request is dearer at light load', () => {
    const light = testWorld(1);
    light.flows.endpoints.push([cpu(light, constant(0.001))]);
    const t = tier(light, { wake_up: { after_idle: '0.5ms', cost: '1ms' } });
    poisson(light, t, 50, 500);
    light.sim.run({ until: 500 });
    const atLight = t.report(500);
    const { rep: atHeavy } = run({ after_idle: '0.5ms', cost: '1ms' }, 500);
    const perRequest = (r: typeof atHeavy, rate: number) => r.utilisation! / rate;
    // λ = 50/s: nearly every arrival wakes the loop (0.95·e^(−0.025) ≈ 0.93): ≈ 1.9 ms each
    expect(perRequest(atLight, 50)).toBeGreaterThan(0.0018);
    // λ = 500/s: about 0.27 of arrivals: ≈ 1.27 ms
    expect(perRequest(atHeavy, 500)).toBeLessThan(0.0014);
  });

  it('with an idle threshold no gap reaches, changes nothing, draw for draw', () => {
    const plain = run(undefined, 200);
    const never = run({ after_idle: '1h', cost: { exponential: { mean: '1ms' } } }, 200);
    expect(never.rep.extra!.wake_ups).toBe(0);
    expect(never.latencies).toEqual(plain.latencies);
  });

  it('is refused for runtimes other than event_loop', () => {
    const r = appTier.schema.safeParse({ kind: 'app_tier', runtime: 'workers', wake_up: { after_idle: '1ms', cost: '1ms' } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('applies to runtime event_loop');
  });
});
