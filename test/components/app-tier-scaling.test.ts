// app_tier resized at runtime (Scalable): an added instance is billed at once and takes
// traffic after its start-up delay; a removed one leaves the rotation and drains; starting
// ones are removed first; the cost is instance-seconds; the cpu metric; load balancers follow.
import { describe, expect, it } from 'vitest';
import { appTier, type AppTier } from '../../src/components/app-tier.js';
import type { ConnectionSource, Entry, PoolProvider } from '../../src/components/contracts.js';
import { loadBalancer, type LoadBalancer } from '../../src/components/load-balancer.js';
import { createContext } from '../../src/engine/context.js';
import { constant } from '../../src/engine/random/continuous.js';
import type { Request } from '../../src/flow/request.js';
import { CpuStep } from '../../src/flow/steps/cpu.js';
import { SleepStep } from '../../src/flow/steps/sleep.js';
import { testWorld, type TestWorld } from './env.js';

function tier(w: TestWorld, fields: Record<string, unknown>, name = 'app'): AppTier {
  const built = appTier.build(name, appTier.schema.parse({ kind: 'app_tier', ...fields }), w.env(name));
  w.components.set(name, built);
  return built;
}

function lb(w: TestWorld, fields: Record<string, unknown>): LoadBalancer {
  return loadBalancer.build('lb', loadBalancer.schema.parse({ kind: 'load_balancer', ...fields }), w.env('lb'));
}

/** Endpoint 0: `seconds` of CPU. */
const cpuFlow = (w: TestWorld, seconds: number): void => {
  w.flows.endpoints.push([new CpuStep('cpu', constant(seconds), w.sim.stream('cpu'))]);
};
/** Endpoint 0: a wait of `seconds` (I/O: no CPU). */
const ioFlow = (w: TestWorld, seconds: number): void => {
  w.flows.endpoints.push([new SleepStep('io', createContext(w.sim, 'io'), constant(seconds), w.sim.stream('io-draw'))]);
};

/** One request at each of `times`, sent to `entry`; returns them in order. */
function sendAt(w: TestWorld, entry: Entry, times: number[]): Request[] {
  const sent: Request[] = [];
  for (const t of times) w.sim.schedule(t, () => {
    const r = w.request();
    sent.push(r);
    entry.accept(r);
  }, null);
  return sent;
}

const at = (w: TestWorld, t: number, fn: () => void): void => void w.sim.schedule(t, fn, null);
const instanceOf = (r: Request): string => (r.instance as { name: string } | null)?.name ?? '-';
const range = (from: number, to: number, step = 1): number[] => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, k) => from + k * step);

describe('scaling up: billed at once, in rotation after the start-up delay', () => {
  it('a new instance takes requests only from its start-up delay on, in its turn', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', startup_delay: '10s' });
    at(w, 5, () => t.scaleTo(2));
    const counts: number[][] = [];
    for (const s of [6, 14.9, 15.1]) at(w, s, () => counts.push([t.replicas, t.starting]));
    const sent = sendAt(w, t, range(0.5, 20.5));
    w.sim.run({ until: 30 });
    expect(counts).toEqual([[1, 1], [1, 1], [2, 0]]);
    // up to 14.5 every request goes to app/1; from 15.5 they alternate
    expect(sent.filter((r) => r.startedAt < 15).every((r) => instanceOf(r) === 'app/1')).toBe(true);
    expect(sent.filter((r) => r.startedAt > 15).map(instanceOf)).toEqual(['app/1', 'app/2', 'app/1', 'app/2', 'app/1', 'app/2']);
    expect(t.backends().map((b) => b.name)).toEqual(['app/1', 'app/2']);
  });

  it('start-up delays may be a distribution, drawn from each new instance\'s own stream', () => {
    const delays = (seed: number): number[] => {
      const w = testWorld(seed);
      cpuFlow(w, 0.01);
      const t = tier(w, { runtime: 'event_loop', startup_delay: { uniform: { min: '10s', max: '20s' } } });
      const ready: number[] = [];
      t.onChange(() => ready.push(w.sim.now));
      t.scaleTo(4);
      w.sim.run({ until: 30 });
      return ready;
    };
    const d = delays(3);
    expect(d).toHaveLength(3);
    for (const x of d) expect(x >= 10 && x <= 20).toBe(true);
    expect(delays(3)).toEqual(d);
    expect(delays(4)).not.toEqual(d);
  });
});

describe('scaling down: starting instances first, then the newest in rotation, drained', () => {
  it('a removed instance finishes its requests (200), takes no new ones, and is billed until then', () => {
    const w = testWorld(1);
    ioFlow(w, 10);
    const t = tier(w, { runtime: 'workers', workers: 4, instances: 2, price_per_hour: 3.6 });
    const first = sendAt(w, t, [0, 0, 0, 0]);
    at(w, 1, () => t.scaleTo(1));
    const later = sendAt(w, t, [2, 3]);
    const seen: number[] = [];
    at(w, 9, () => seen.push(t.fleet.draining.size));
    at(w, 11, () => seen.push(t.fleet.draining.size));
    w.sim.run({ until: 20 });
    expect(first.map(instanceOf)).toEqual(['app/1', 'app/2', 'app/1', 'app/2']);
    expect(first.map((r) => [r.status, r.respondedAt])).toEqual(Array(4).fill([200, 10]));
    expect(later.map(instanceOf)).toEqual(['app/1', 'app/1']);
    expect(seen).toEqual([1, 0]);
    // billed: 2 instances over [0, 10], 1 over [10, 20] → 1.5 on average, at $3.6 per hour
    const r = t.report(20);
    expect(r.costPerHour).toBeCloseTo(3.6 * 1.5, 12);
    expect(r.extra).toMatchObject({ instances: 1, mean_instances: 1.5, max_instances: 2, draining: 0, instance_hours: 30 / 3600 });
  });

  it('cancels starting instances before draining any in rotation; cost counts their start-up time', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', startup_delay: '10s', price_per_hour: 1 });
    t.scaleTo(3);
    at(w, 5, () => t.scaleTo(2));
    w.sim.run({ until: 20 });
    expect(t.backends().map((b) => b.name)).toEqual(['app/1', 'app/2']);
    // billed 3 over [0, 5), then 2: (15 + 30) / 20 = 2.25
    expect(t.report(20).costPerHour).toBeCloseTo(2.25, 12);
  });

  it('cost is instance-seconds × price: 2 for 100 s, 4 for 100 s, 1 for 100 s', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', instances: 2, startup_delay: 0, price_per_hour: 3.6 });
    at(w, 100, () => t.scaleTo(4));
    at(w, 200, () => t.scaleTo(1));
    w.sim.run({ until: 300 });
    expect(t.report(300).costPerHour).toBeCloseTo((3.6 * 700) / 300, 12);
    expect(t.backends().map((b) => b.name)).toEqual(['app/1']);
  });

  it('a fixed tier costs instances × price, as before', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', instances: 3, instance_type: 'm5.large' });
    w.sim.run({ until: 50 });
    const r = t.report(50);
    expect(r.costPerHour).toBeCloseTo(3 * 0.096, 12);
    expect(r.extra!.mean_instances).toBeUndefined();
  });

  it('a drained instance closes its connection pool once it is gone', () => {
    const w = testWorld(1);
    ioFlow(w, 4);
    const closed: string[] = [];
    const provider: PoolProvider = {
      forInstance: (name: string): ConnectionSource => ({
        acquire: () => true, releaseEarly: () => undefined, holdForRequest: true, close: () => closed.push(`${name}@${w.sim.now}`),
      }),
    };
    w.components.set('pool', provider);
    const t = tier(w, { runtime: 'event_loop', instances: 3, pool: 'pool' });
    sendAt(w, t, [0, 0, 0]);
    at(w, 1, () => t.scaleTo(1));
    w.sim.run({ until: 10 });
    expect(closed).toEqual(['app/2@4', 'app/3@4']); // app/1 stays; pools close as requests end
  });

  it('rejects a replica count that is not a whole number >= 0', () => {
    const w = testWorld(1);
    const t = tier(w, { runtime: 'event_loop' });
    expect(() => t.scaleTo(-1)).toThrow(/whole number/);
    expect(() => t.scaleTo(1.5)).toThrow(/1\.5/);
  });
});

describe('the cpu metric an autoscaler reads', () => {
  it('is busy core-seconds over available core-seconds since the last reading, newcomers from when they joined', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.25);
    const t = tier(w, { runtime: 'event_loop', startup_delay: '5s' });
    sendAt(w, t, range(0.5, 29.5));
    const readings: number[] = [];
    at(w, 15, () => {
      readings.push(t.metric('cpu', 15));
      t.scaleTo(2);
    });
    at(w, 30, () => readings.push(t.metric('cpu', 30)));
    w.sim.run({ until: 31 });
    // [0, 15]: 15 requests × 0.25 s on one core → 0.25. [15, 30]: app/1 ran 10 requests in
    // 15 s, app/2 (in rotation from 20) ran 5 in 10 s: 3.75 / 25 = 0.15
    expect(readings).toEqual([0.25, 0.15]);
    expect(() => t.metric('queue_depth_per_worker', 31)).toThrow(/no metric queue_depth_per_worker/);
  });

  it('survives the warm-up reset of statistics', () => {
    const reading = (reset: boolean): number => {
      const w = testWorld(1);
      cpuFlow(w, 0.5);
      const t = tier(w, { runtime: 'event_loop', instances: 2 });
      sendAt(w, t, range(0.25, 19.75, 0.5)); // 0.5 s of CPU every 0.5 s, alternating
      if (reset) at(w, 7.1, () => t.resetStats(7.1));
      let value = 0;
      at(w, 20, () => (value = t.metric('cpu', 20)));
      w.sim.run({ until: 21 });
      return value;
    };
    // 39 requests done by t=20 and half of the one that started at 19.75: 19.75 s of 40
    expect(reading(true)).toBeCloseTo(19.75 / 40, 12);
    expect(reading(false)).toBeCloseTo(19.75 / 40, 12);
  });
});

describe('load balancers follow a resized tier', () => {
  it('route to a new instance once it is ready, stop routing to a removed one, and keep its count', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', startup_delay: '10s' });
    const balancer = lb(w, { policy: 'round_robin', targets: ['app'] });
    at(w, 0, () => t.scaleTo(2));
    at(w, 20, () => t.scaleTo(1));
    const sent = sendAt(w, balancer, range(0.5, 29.5));
    w.sim.run({ until: 31 });
    const names = sent.map(instanceOf);
    expect(names.slice(0, 10).every((n) => n === 'app/1')).toBe(true);
    expect(names.slice(10, 20)).toEqual(Array(5).fill(['app/1', 'app/2']).flat());
    expect(names.slice(20).every((n) => n === 'app/1')).toBe(true);
    expect(balancer.report(31).extra).toMatchObject({ 'routed.app/1': 25, 'routed.app/2': 5 });
  });

  it('health checks keep their verdict on the instances that stay; a new one starts healthy', () => {
    const w = testWorld(1);
    cpuFlow(w, 0.01);
    const t = tier(w, { runtime: 'event_loop', instances: 2, startup_delay: '2s' });
    const balancer = lb(w, { targets: ['app'], health_check: { interval: '1s', unhealthy_threshold: 2, healthy_threshold: 2 } });
    at(w, 0.5, () => (t.instances[0]!.up = false));
    at(w, 3, () => t.scaleTo(3));
    const verdicts: boolean[][] = [];
    at(w, 2.5, () => verdicts.push(['app/1', 'app/2'].map((n) => balancer.inRotation(n))));
    at(w, 5.5, () => verdicts.push(['app/1', 'app/2', 'app/3'].map((n) => balancer.inRotation(n))));
    const sent = sendAt(w, balancer, [6, 6.1, 6.2, 6.3]);
    w.sim.run({ until: 7 });
    expect(verdicts).toEqual([[false, true], [false, true, true]]);
    expect(sent.map(instanceOf)).toEqual(['app/2', 'app/3', 'app/2', 'app/3']);
  });
});
