// app_tier: runtimes against queueing theory (event loop = M/M/1, sync workers = M/M/c),
// workers held through I/O (saturation at W / (cpu + io)), exact accept-queue refusals and
// timeouts, the GIL, round robin as an entry, pool wiring, report and schema.
import { describe, expect, it } from 'vitest';
import { appTier, type AppTier } from '../../src/components/app-tier.js';
import type { ConnectionSource, Entry, PoolProvider } from '../../src/components/contracts.js';
import { mm1 } from '../../src/analytic/mm1.js';
import { mmc } from '../../src/analytic/mmc.js';
import { createContext } from '../../src/engine/context.js';
import { constant, exponential } from '../../src/engine/random/continuous.js';
import type { Distribution } from '../../src/engine/types.js';
import type { Request } from '../../src/flow/request.js';
import type { Step } from '../../src/flow/step.js';
import { CpuStep } from '../../src/flow/steps/cpu.js';
import { SleepStep } from '../../src/flow/steps/sleep.js';
import { covers, describe99, replicate } from '../oracle/replicate.js';
import { testWorld, type TestWorld } from './env.js';

let streams = 0;
const cpu = (w: TestWorld, d: Distribution): Step => new CpuStep('cpu', d, w.sim.stream(`cpu-${streams++}`));
const io = (w: TestWorld, d: Distribution): Step => {
  const n = streams++;
  return new SleepStep('io', createContext(w.sim, `io-${n}`), d, w.sim.stream(`io-draw-${n}`));
};

function tier(w: TestWorld, fields: Record<string, unknown>, name = 'app'): AppTier {
  const built = appTier.build(name, appTier.schema.parse({ kind: 'app_tier', ...fields }), w.env(name));
  w.components.set(name, built);
  return built;
}

/** Poisson arrivals at `rate` until `until`, each a new request on `endpoint`. */
function poisson(w: TestWorld, entry: Entry, rate: number, until: number, endpoint = 0): void {
  const rng = w.sim.stream('arrivals');
  const gap = exponential(1 / rate);
  const arrive = (): void => {
    entry.accept(w.request(endpoint));
    if (w.sim.now < until) w.sim.schedule(gap.sample(rng), arrive, null);
  };
  w.sim.schedule(gap.sample(rng), arrive, null);
}

/** `n` requests at time `at`. */
function burst(w: TestWorld, entry: Entry, n: number, at = 0, endpoint = 0): Request[] {
  const reqs: Request[] = [];
  w.sim.schedule(at, () => {
    for (let k = 0; k < n; k++) {
      const r = w.request(endpoint);
      reqs.push(r);
      entry.accept(r);
    }
  }, null);
  return reqs;
}

const meanResponse = (w: TestWorld, from: number): number => {
  const rs = w.responses.filter((r) => r.startedAt >= from && r.status === 200);
  return rs.reduce((s, r) => s + (r.respondedAt - r.startedAt), 0) / rs.length;
};

describe('app_tier runtimes against queueing theory (99% CI over 10 replications)', () => {
  it('event_loop, one instance, exponential CPU, Poisson arrivals = M/M/1 (rho 0.7)', () => {
    const [W, util] = replicate(10, (seed) => {
      const w = testWorld(seed);
      w.flows.endpoints.push([cpu(w, exponential(0.01))]);
      const t = tier(w, { runtime: 'event_loop' });
      poisson(w, t, 70, 600);
      w.sim.schedule(50, () => t.resetStats(50), null);
      w.sim.run({ until: 600 });
      return { W: meanResponse(w, 50), util: t.report(600).utilisation! };
    }, (r) => r.W, (r) => r.util);
    const exact = mm1({ lambda: 70, mu: 100 });
    expect(covers(W!, exact.W), describe99(W!, exact.W)).toBe(true);
    expect(covers(util!, exact.rho), describe99(util!, exact.rho)).toBe(true);
  });

  it('workers runtime, W = 4 workers on 4 cores, CPU only = M/M/4 (rho 0.8)', () => {
    const [W, workers, util] = replicate(10, (seed) => {
      const w = testWorld(seed);
      w.flows.endpoints.push([cpu(w, exponential(0.04))]);
      const t = tier(w, { runtime: 'workers', workers: 4, cores: 4, accept_queue: 100_000 });
      poisson(w, t, 80, 400);
      w.sim.schedule(50, () => t.resetStats(50), null);
      w.sim.run({ until: 400 });
      const rep = t.report(400);
      return { W: meanResponse(w, 50), workers: rep.extra!.worker_utilisation!, util: rep.utilisation! };
    }, (r) => r.W, (r) => r.workers, (r) => r.util);
    const exact = mmc({ lambda: 80, mu: 25, c: 4 });
    expect(covers(W!, exact.W), describe99(W!, exact.W)).toBe(true);
    expect(covers(workers!, exact.rho), describe99(workers!, exact.rho)).toBe(true);
    expect(covers(util!, exact.rho), describe99(util!, exact.rho)).toBe(true);
  });
});

describe('workers hold their slot through I/O', () => {
  // 10 ms CPU then 40 ms of I/O, offered 200/s: 4 sync workers finish 4 / 50 ms = 80/s, while
  // an event loop, free during I/O, is bound by its CPU alone: 1 / 10 ms = 100/s.
  function saturated(fields: Record<string, unknown>): { ok: number; full: number; accepted: number } {
    const w = testWorld(3);
    w.flows.endpoints.push([cpu(w, constant(0.01)), io(w, constant(0.04))]);
    const t = tier(w, fields);
    poisson(w, t, 200, 100);
    w.sim.run({ until: 100 });
    const ok = w.responses.filter((r) => r.status === 200 && r.respondedAt >= 20 && r.respondedAt < 100).length;
    const extra = t.report(100).extra!;
    return { ok, full: extra.accept_queue_full!, accepted: extra.accepted! };
  }

  it('saturation throughput of W workers is W / (cpu + io) exactly', () => {
    const r = saturated({ runtime: 'workers', workers: 4, cores: 4, accept_queue: 50 });
    expect(Math.abs(r.ok - 80 * 80)).toBeLessThanOrEqual(4);
    expect(r.full).toBeGreaterThan(9000); // ~ (200 - 80) × 100
  });

  it('an event loop with the same flow saturates at its CPU rate instead', () => {
    const r = saturated({ runtime: 'event_loop' });
    expect(Math.abs(r.ok - 100 * 80)).toBeLessThanOrEqual(2);
    expect(r.full).toBe(0);
  });
});

describe('accept queue and request timeout', () => {
  it('refuses exactly the requests beyond workers + accept_queue with 503 accept_queue_full', () => {
    const w = testWorld();
    w.flows.endpoints.push([cpu(w, constant(1))]);
    const t = tier(w, { runtime: 'workers', workers: 1, accept_queue: 2 });
    const reqs = burst(w, t, 10);
    w.sim.run();
    const refused = reqs.filter((r) => r.error === 'accept_queue_full');
    expect(refused.map((r) => [r.status, r.respondedAt])).toEqual(Array(7).fill([503, 0]));
    expect(reqs.filter((r) => r.status === 200).map((r) => r.respondedAt)).toEqual([1, 2, 3]);
    const extra = t.report(3).extra!;
    expect([extra.accepted, extra.accept_queue_full]).toEqual([3, 7]);
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([10, 10, 10]);
  });

  it('answers 504 at the timeout but frees the worker only when its operation returns', () => {
    const w = testWorld();
    w.flows.endpoints.push([io(w, constant(2))], [io(w, constant(0.1))]);
    const t = tier(w, { runtime: 'workers', workers: 1, request_timeout: '500ms' });
    const ab = burst(w, t, 2, 0, 0); // a holds the worker 0..2 s, b waits behind it
    const late = burst(w, t, 1, 1.9, 1); // would finish at 2.0 if the worker were free
    w.sim.run({ until: 1.95 });
    for (const r of ab) expect([r.status, r.error, r.respondedAt]).toEqual([504, 'request_timeout', 0.5]);
    expect(t.instances[0]!.active).toBe(3);
    expect(w.flow.ended).toBe(0);
    w.sim.run({ until: 10 });
    const d = late[0];
    expect([d!.status, d!.error]).toEqual([200, null]);
    expect(d!.respondedAt).toBeCloseTo(2.1, 12); // granted at 2.0, when a's I/O returned
    expect(t.instances[0]!.active).toBe(0);
    expect(t.report(10).extra!.request_timeout).toBe(2);
    expect([w.flow.started, w.flow.responded, w.flow.ended]).toEqual([3, 3, 3]);
  });
});

describe('CPU sharing by runtime', () => {
  const finishTimes = (fields: Record<string, unknown>, steps: (w: TestWorld) => Step[], n: number): number[] => {
    const w = testWorld();
    w.flows.endpoints.push(steps(w));
    const t = tier(w, fields);
    const reqs = burst(w, t, n);
    w.sim.run();
    return reqs.map((r) => r.respondedAt);
  };

  it('threads under the GIL share one core; without it, all cores', () => {
    const oneSecond = (w: TestWorld) => [cpu(w, constant(1))];
    expect(finishTimes({ runtime: 'threads', threads: 4, cores: 4 }, oneSecond, 4)).toEqual([4, 4, 4, 4]);
    expect(finishTimes({ runtime: 'threads', threads: 4, cores: 4, gil: false }, oneSecond, 4)).toEqual([1, 1, 1, 1]);
  });

  it('an event loop runs CPU callbacks FIFO and overlaps I/O', () => {
    const flow = (w: TestWorld) => [cpu(w, constant(1)), io(w, constant(10)), cpu(w, constant(1))];
    expect(finishTimes({ runtime: 'event_loop' }, flow, 3)).toEqual([12, 13, 14]);
    expect(finishTimes({ runtime: 'workers', workers: 1 }, flow, 3)).toEqual([12, 24, 36]);
    // a half core runs the loop at half speed
    expect(finishTimes({ runtime: 'event_loop', cores: 0.5 }, (w) => [cpu(w, constant(1))], 2)).toEqual([2, 4]);
  });
});

describe('the tier as entry and backend group', () => {
  it('deals requests round robin over its up instances, and refuses when none is up', () => {
    const w = testWorld();
    w.flows.endpoints.push([cpu(w, constant(0.001))]);
    const t = tier(w, { runtime: 'event_loop', instances: 3 });
    expect(t.backends().map((b) => b.name)).toEqual(['app/1', 'app/2', 'app/3']);
    burst(w, t, 6);
    w.sim.run();
    t.instances[1]!.up = false;
    burst(w, t, 4, 1);
    w.sim.run();
    expect(t.instances.map((i) => i.accepted)).toEqual([4, 2, 4]);
    for (const i of t.instances) i.up = false;
    const last = burst(w, t, 1, 2);
    w.sim.run();
    const r = last[0];
    expect([r!.status, r!.error]).toEqual([503, 'no_healthy_instance']);
  });

  it('an instance that is down refuses with 502 dropped', () => {
    const w = testWorld();
    w.flows.endpoints.push([cpu(w, constant(0.001))]);
    const t = tier(w, { runtime: 'workers' });
    t.instances[0]!.up = false;
    const one = burst(w, t.instances[0]!, 1);
    w.sim.run();
    const r = one[0];
    expect([r!.status, r!.error]).toEqual([502, 'dropped']);
    expect(t.report(1).extra!.refused_down).toBe(1);
  });

  it("gives each instance its pool's connection source for that instance", () => {
    const w = testWorld();
    const asked: string[] = [];
    const provider: PoolProvider = {
      forInstance: (name) => {
        asked.push(name);
        return { name } as unknown as ConnectionSource;
      },
    };
    w.components.set('pool', provider);
    const t = tier(w, { runtime: 'workers', instances: 2, pool: 'pool' });
    expect(asked).toEqual(['app/1', 'app/2']);
    expect(t.instances.map((i) => (i.pool as unknown as { name: string }).name)).toEqual(['app/1', 'app/2']);
    expect(appTier.refs(appTier.schema.parse({ kind: 'app_tier', runtime: 'workers', pool: 'pool' })))
      .toEqual([{ path: ['pool'], name: 'pool', kinds: ['connection_pool', 'pgbouncer'] }]);
  });

  it('costs instances × price and reports per-instance figures without NaN when idle', () => {
    const w = testWorld();
    const t = tier(w, { runtime: 'workers', instances: 3, instance_type: 'm5.large' });
    w.sim.run({ until: 10 });
    const rep = t.report(10);
    expect(rep.costPerHour).toBeCloseTo(0.288, 12);
    expect(rep.utilisation).toBe(0);
    for (const v of Object.values(rep.extra!)) expect(Number.isFinite(v)).toBe(true);
    expect(rep.extra!['app/2.utilisation']).toBe(0);
  });
});

describe('app_tier schema', () => {
  const parse = (fields: Record<string, unknown>) => appTier.schema.safeParse({ kind: 'app_tier', ...fields });

  it('fills runtime-dependent defaults', () => {
    const w = testWorld();
    const workers = tier(w, { runtime: 'workers', cores: 2 }, 'a');
    expect([workers.settings.slots, workers.settings.acceptLimit, workers.settings.timeout]).toEqual([5, 128, Infinity]);
    const loop = tier(w, { runtime: 'event_loop', cores: 4 }, 'b');
    expect([loop.settings.slots, loop.settings.acceptLimit, loop.settings.cpuCores]).toEqual([0, Infinity, 1]);
    const threads = tier(w, { runtime: 'threads', cores: 4, request_timeout: '30s' }, 'c');
    expect([threads.settings.slots, threads.settings.cpuCores, threads.settings.timeout]).toEqual([8, 1, 30]);
  });

  it('rejects fields that do not fit the runtime and impossible values', () => {
    expect(parse({ runtime: 'event_loop', workers: 4 }).success).toBe(false);
    expect(parse({ runtime: 'workers', threads: 4 }).success).toBe(false);
    expect(parse({ runtime: 'workers', gil: false }).success).toBe(false);
    expect(parse({ runtime: 'event_loop', accept_queue: 0 }).success).toBe(false);
    expect(parse({ runtime: 'workers', request_timeout: 0 }).success).toBe(false);
    expect(parse({ runtime: 'workers', instances: 0 }).success).toBe(false);
    expect(parse({ runtime: 'workers', cores: 0 }).success).toBe(false);
    expect(parse({ runtime: 'fibers' }).success).toBe(false);
    expect(parse({ runtime: 'workers', replicas: 2 }).success).toBe(false);
    expect(parse({ runtime: 'workers', accept_queue: 0 }).success).toBe(true);
  });
});
