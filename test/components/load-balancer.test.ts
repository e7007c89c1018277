// load_balancer: least connections against round robin on unequal instances, backups only
// when every primary is out, health checks with fall/rise thresholds (down, or a full accept
// queue), stickiness by hash key, the per-request overhead, report and schema.
import { describe, expect, it } from 'vitest';
import { appTier, type AppTier } from '../../src/components/app-tier.js';
import { loadBalancer, type LoadBalancer } from '../../src/components/load-balancer.js';
import type { Entry } from '../../src/components/contracts.js';
import { constant, exponential } from '../../src/engine/random/continuous.js';
import { LatencyHistogram } from '../../src/engine/stats/histogram.js';
import type { Distribution } from '../../src/engine/types.js';
import type { Request } from '../../src/flow/request.js';
import { CpuStep } from '../../src/flow/steps/cpu.js';
import { testWorld, type TestWorld } from './env.js';

function tier(w: TestWorld, name: string, fields: Record<string, unknown>): AppTier {
  const built = appTier.build(name, appTier.schema.parse({ kind: 'app_tier', ...fields }), w.env(name));
  w.components.set(name, built);
  return built;
}

function lb(w: TestWorld, fields: Record<string, unknown>): LoadBalancer {
  return loadBalancer.build('lb', loadBalancer.schema.parse({ kind: 'load_balancer', ...fields }), w.env('lb'));
}

function cpuFlow(w: TestWorld, d: Distribution): void {
  w.flows.endpoints.push([new CpuStep('cpu', d, w.sim.stream(`cpu-${w.flows.endpoints.length}`))]);
}

/** Requests at the given times (user key = index), collected as they are sent. */
function sendAt(w: TestWorld, entry: Entry, times: number[]): Request[] {
  const sent: Request[] = [];
  times.forEach((t, k) => w.sim.schedule(t, () => {
    const r = w.request(0, [k]);
    sent.push(r);
    entry.accept(r);
  }, null));
  return sent;
}

const instanceOf = (r: Request): string => (r.instance as { name: string } | null)?.name ?? '-';

describe('least_connections against round_robin with one instance 3× slower', () => {
  // fast: 3 cores, slow: 1 core, both 16 sync workers, CPU exp(30 ms): capacity 100/s + 33/s.
  // At 70% of the total (93/s) round robin gives the slow one 47/s — more than it can serve.
  function p99(policy: string, rate = 93.3): { p99: number; fast: number; slow: number } {
    const w = testWorld(11);
    cpuFlow(w, exponential(0.03));
    tier(w, 'fast', { runtime: 'workers', workers: 16, cores: 3, accept_queue: 100_000 });
    tier(w, 'slow', { runtime: 'workers', workers: 16, cores: 1, accept_queue: 100_000 });
    const balancer = lb(w, { policy, targets: ['fast', 'slow'] });
    const rng = w.sim.stream('arrivals');
    const gap = exponential(1 / rate);
    const arrive = (): void => {
      balancer.accept(w.request());
      if (w.sim.now < 300) w.sim.schedule(gap.sample(rng), arrive, null);
    };
    w.sim.schedule(0, arrive, null);
    w.sim.run({ until: 300 });
    const h = new LatencyHistogram();
    for (const r of w.responses) if (r.startedAt >= 20) h.record(r.respondedAt - r.startedAt);
    const extra = balancer.report(300).extra!;
    return { p99: h.percentile(99)!, fast: extra['routed.fast/1']!, slow: extra['routed.slow/1']! };
  }

  it('at 70% load has a far lower p99 with the same seed, keeping the slow instance under its capacity', () => {
    const lc = p99('least_connections');
    const rr = p99('round_robin');
    expect(lc.p99).toBeLessThan(rr.p99);
    expect(lc.p99).toBeLessThan(0.5); // stable: a few service times
    expect(rr.p99).toBeGreaterThan(5); // the slow instance's queue grows without bound
    expect(Math.abs(rr.fast - rr.slow)).toBeLessThanOrEqual(1);
    expect(lc.slow / 300).toBeLessThan(100 / 3);
    expect(lc.fast).toBeGreaterThan(1.5 * lc.slow);
  });

  it('still wins at 45% load, where round robin is stable', () => {
    const lc = p99('least_connections', 60);
    const rr = p99('round_robin', 60);
    expect(2 * lc.p99).toBeLessThan(rr.p99); // measured: 0.24 s against 1.14 s
  });
});

describe('backup targets', () => {
  it('receive traffic only while every primary backend is down', () => {
    const w = testWorld();
    cpuFlow(w, constant(0.001));
    const primary = tier(w, 'p', { runtime: 'event_loop', instances: 2 });
    tier(w, 'b', { runtime: 'event_loop' });
    const balancer = lb(w, { targets: ['p'], backup: ['b'] });
    const routed = () => {
      const e = balancer.report(w.sim.now).extra!;
      return [e['routed.p/1'], e['routed.p/2'], e['routed.b/1'], e.backup_routed];
    };
    sendAt(w, balancer, Array(10).fill(0));
    w.sim.run();
    expect(routed()).toEqual([5, 5, 0, 0]);
    primary.instances[0]!.up = false;
    sendAt(w, balancer, Array(10).fill(1));
    w.sim.run();
    expect(routed()).toEqual([5, 15, 0, 0]);
    primary.instances[1]!.up = false;
    sendAt(w, balancer, Array(10).fill(2));
    w.sim.run();
    expect(routed()).toEqual([5, 15, 10, 10]);
    primary.instances[0]!.up = true;
    sendAt(w, balancer, Array(10).fill(3));
    w.sim.run();
    expect(routed()).toEqual([15, 15, 10, 10]);
    expect(w.responses.every((r) => r.status === 200)).toBe(true);
  });

  it('with nothing usable the request fails with 503 no_healthy_instance', () => {
    const w = testWorld();
    cpuFlow(w, constant(0.001));
    const t = tier(w, 'p', { runtime: 'event_loop' });
    const balancer = lb(w, { targets: ['p'] });
    t.instances[0]!.up = false;
    const sent = sendAt(w, balancer, [0, 0]);
    w.sim.run();
    expect(sent.map((r) => [r.status, r.error])).toEqual([[503, 'no_healthy_instance'], [503, 'no_healthy_instance']]);
    expect(balancer.report(1).extra!.no_healthy_instance).toBe(2);
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([2, 2, 2]);
  });
});

describe('health checks', () => {
  it('take a backend out after unhealthy_threshold failed checks and back after healthy_threshold passes', () => {
    const w = testWorld();
    cpuFlow(w, constant(0.001));
    const t = tier(w, 'app', { runtime: 'event_loop', instances: 2 });
    const balancer = lb(w, { targets: ['app'], health_check: { interval: '1s', unhealthy_threshold: 3, healthy_threshold: 2 } });
    const one = t.instances[0]!;
    w.sim.schedule(0.5, () => (one.up = false), null);
    w.sim.schedule(5.5, () => (one.up = true), null);
    // a request every 0.1 s, off the check times
    const sent = sendAt(w, balancer, Array.from({ length: 100 }, (_, k) => 0.05 + k * 0.1));
    const inRotation: boolean[] = [];
    for (const at of [2.9, 3.1, 6.9, 7.1]) {
      w.sim.run({ until: at });
      inRotation.push(balancer.inRotation('app/1'));
    }
    w.sim.run({ until: 11 });
    expect(inRotation).toEqual([true, false, false, true]);
    // checks at 1, 2, 3 fail: until then half the traffic still reaches the dead instance (502)
    const dropped = sent.filter((r) => r.error === 'dropped').map((r) => r.startedAt);
    expect(dropped.length).toBe(12); // 0.55 … 2.95: 25 requests, alternate ones
    expect(Math.min(...dropped)).toBeGreaterThan(0.5);
    expect(Math.max(...dropped)).toBeLessThan(3);
    // back in rotation from the second passing check (t = 7)
    const onOne = sent.filter((r) => instanceOf(r) === 'app/1').map((r) => r.startedAt);
    expect(onOne.filter((s) => s > 3 && s < 7)).toEqual([]);
    expect(onOne.filter((s) => s > 7).length).toBe(15); // 30 requests from 7.05 s, alternating
    expect(balancer.report(11).extra).toMatchObject({ marked_down: 1, marked_up: 1 });
  });

  it('count a full accept queue as a failed check, sending traffic to the backup until it drains', () => {
    const w = testWorld();
    cpuFlow(w, constant(5));
    tier(w, 'app', { runtime: 'workers', instances: 2, workers: 1, accept_queue: 1 });
    tier(w, 'spare', { runtime: 'event_loop' });
    const balancer = lb(w, { targets: ['app'], backup: ['spare'], health_check: { interval: '1s', unhealthy_threshold: 1, healthy_threshold: 1 } });
    // four requests fill both instances (one running, one queued each)
    const sent = sendAt(w, balancer, [0.1, 0.1, 0.1, 0.1, 0.5, 1.5, 6.5]);
    const checks: [number, boolean][] = [];
    for (const t of [6.9, 7.1, 10.9, 11.1]) w.sim.schedule(t, () => checks.push([t, balancer.inRotation('app/2')]), null);
    w.sim.run({ until: 30 });
    // the fifth reaches app/1 before the first check and is refused there; the sixth, after
    // both failed the check at 1 s, goes to the backup; the seventh, after both drained (5.1 s)
    // and passed the check at 6 s, is back on the primaries (app/2: round robin goes on)
    expect(sent.map(instanceOf)).toEqual(['app/1', 'app/2', 'app/1', 'app/2', '-', 'spare/1', 'app/2']);
    expect(sent[4]!.error).toBe('accept_queue_full');
    // and refills app/2's queue, which fails the check at 7 s and passes again at 11 s (flapping)
    expect(balancer.report(30).extra).toMatchObject({ 'routed.app/1': 3, marked_down: 3, marked_up: 3, backup_routed: 1 });
    expect([6.9, 7.1, 10.9, 11.1].map((t) => checks.find((c) => c[0] === t)![1])).toEqual([true, false, false, true]);
  });
});

describe('routing details', () => {
  it('hash policy is sticky by the chosen key space', () => {
    const w = testWorld();
    cpuFlow(w, constant(0.001));
    tier(w, 'app', { runtime: 'event_loop', instances: 4 });
    const balancer = lb(w, { policy: 'hash', hash_key: 'item', targets: ['app'] });
    const sent: Request[] = [];
    for (let k = 0; k < 200; k++) {
      w.sim.schedule(k * 0.01, () => {
        const r = w.request(0, [k, k % 10]); // user varies, item repeats
        sent.push(r);
        balancer.accept(r);
      }, null);
    }
    w.sim.run();
    const home = new Map<number, string>();
    for (const r of sent) {
      const item = r.keys[1]!;
      if (!home.has(item)) home.set(item, instanceOf(r));
      expect(instanceOf(r)).toBe(home.get(item));
    }
    expect(new Set(home.values()).size).toBeGreaterThan(1);
  });

  it('adds its overhead to every request, as a duration or a distribution', () => {
    for (const [overhead, at] of [['1ms', 0.011], [{ constant: '2ms' }, 0.012], [0, 0.01]] as const) {
      const w = testWorld();
      cpuFlow(w, constant(0.01));
      tier(w, 'app', { runtime: 'event_loop' });
      const sent = sendAt(w, lb(w, { targets: ['app'], overhead }), [0]);
      w.sim.run();
      expect(sent[0]!.respondedAt).toBeCloseTo(at, 12);
    }
  });

  it('weighted_round_robin follows the tiers\' weights', () => {
    const w = testWorld();
    cpuFlow(w, constant(0.001));
    tier(w, 'big', { runtime: 'event_loop', weight: 3 });
    tier(w, 'small', { runtime: 'event_loop' });
    const balancer = lb(w, { policy: 'weighted_round_robin', targets: ['big', 'small'] });
    const sent = sendAt(w, balancer, Array(8).fill(0));
    w.sim.run();
    expect(sent.map(instanceOf)).toEqual(['big/1', 'big/1', 'small/1', 'big/1', 'big/1', 'big/1', 'small/1', 'big/1']);
  });

  it('reports its cost and builds targets and backup as refs', () => {
    const w = testWorld();
    tier(w, 'app', { runtime: 'event_loop' });
    expect(lb(w, { targets: ['app'], price_per_hour: 0.025 }).report(0).costPerHour).toBe(0.025);
    const refs = loadBalancer.refs(loadBalancer.schema.parse({ kind: 'load_balancer', targets: ['a', 'b'], backup: ['c'] }));
    expect(refs.map((r) => [r.path, r.name, r.kinds])).toEqual([
      [['targets', 0], 'a', ['app_tier']], [['targets', 1], 'b', ['app_tier']], [['backup', 0], 'c', ['app_tier']],
    ]);
  });
});

describe('load_balancer schema', () => {
  const parse = (fields: Record<string, unknown>) => loadBalancer.schema.safeParse({ kind: 'load_balancer', targets: ['app'], ...fields });

  it('defaults to round robin and HAProxy thresholds (fall 3, rise 2)', () => {
    const r = parse({ health_check: { interval: '2s' } });
    expect(r.success && [r.data.policy, r.data.health_check]).toEqual(['round_robin', { interval: 2, unhealthy_threshold: 3, healthy_threshold: 2 }]);
  });

  it('rejects a hash policy without hash_key, hash_key without hash, duplicates and a zero interval', () => {
    expect(parse({ policy: 'hash' }).success).toBe(false);
    expect(parse({ policy: 'hash', hash_key: 'user' }).success).toBe(true);
    expect(parse({ policy: 'round_robin', hash_key: 'user' }).success).toBe(false);
    expect(parse({ targets: ['app', 'app'] }).success).toBe(false);
    expect(parse({ backup: ['app'] }).success).toBe(false);
    expect(parse({ targets: [] }).success).toBe(false);
    expect(parse({ policy: 'fastest' }).success).toBe(false);
    expect(parse({ health_check: { interval: 0 } }).success).toBe(false);
    expect(parse({ health_check: { interval: '1s', timeout: '1s' } }).success).toBe(false);
  });
});
