/**
 * The `station` component: a plain queueing station (c servers, a service time, FIFO,
 * priority or processor sharing, an optional capacity K), so textbook networks — M/M/c,
 * M/M/c/K, M/G/1-PS, Jackson networks — run through the same YAML and CLI as the web stack.
 * Flows reach it with `visit: <name>`. Service is drawn at arrival from the station's own
 * stream, so two strategies compared under one seed see the same service times.
 */
import { z } from 'zod';
import { fromSpec } from '../engine/random/spec.js';
import { PsStation } from '../engine/resources/ps-station.js';
import { Station } from '../engine/resources/station.js';
import type { Distribution, SimContext } from '../engine/types.js';
import type { Request } from '../flow/request.js';
import type { FlowRunner } from '../flow/runner.js';
import { timeDistribution } from '../model/schema/distribution.js';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count } from '../model/schema/units.js';
import type { Visitable } from './contracts.js';
import { costFields, defineComponent, priceOf, type BuildEnv, type ComponentInstance, type ComponentReport } from './define.js';

const schema = z.strictObject({
  kind: z.literal('station'),
  servers: count({ min: 1 }).default(1).describe('Number of servers c (with ps: cores shared by everyone present).'),
  service: timeDistribution().describe('Service time of one visit, e.g. { exponential: { mean: 10ms } }.'),
  discipline: z.enum(['fifo', 'priority', 'ps']).default('fifo')
    .describe('fifo (first come first served), priority (lowest `priorities` value first, FIFO among equals) or ps (processor sharing).'),
  capacity: count({ min: 1 }).optional()
    .describe('Most requests in the station, waiting plus in service (K); arrivals beyond are dropped with 503 (default: unlimited).'),
  priorities: z.record(name('endpoint'), z.number()).optional()
    .describe('With discipline priority: endpoint name → priority, lower served first, e.g. { checkout: 0, browse: 1 }.'),
  default_priority: z.number().optional().describe('Priority of endpoints not listed in `priorities` (default 0).'),
  ...costFields,
}).superRefine((s, ctx) => {
  if (s.capacity !== undefined && s.discipline !== 'ps' && s.capacity < s.servers) {
    reject(ctx, s.capacity, { code: 'SIM_E_INVALID_VALUE', expected: `a capacity >= servers (${s.servers})`, hint: 'capacity counts requests in service too' }, ['capacity']);
  }
  for (const field of ['priorities', 'default_priority'] as const) {
    if (s[field] !== undefined && s.discipline !== 'priority') {
      reject(ctx, s[field], { code: 'SIM_E_INVALID_VALUE', detail: `\`${field}\` applies only to discipline: priority`, hint: 'add `discipline: priority`' }, [field]);
    }
  }
}).describe('A plain queueing station (c servers, FIFO/priority/PS, optional capacity) visited by flows.');

export type StationConfig = z.output<typeof schema>;

interface StationSettings {
  readonly servers: number;
  readonly service: Distribution;
  readonly discipline: 'fifo' | 'priority' | 'ps';
  readonly capacity: number;
  /** Priority by endpoint index (holes: `defaultPriority`). */
  readonly priorities: readonly (number | undefined)[];
  readonly defaultPriority: number;
  readonly costPerHour: number;
}

export class StationComponent implements Visitable, ComponentInstance {
  readonly kind = 'station';
  private readonly queue: Station<Request> | null = null;
  private readonly ps: PsStation<Request> | null = null;
  private statsSince = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly settings: StationSettings,
  ) {
    const { servers, capacity } = settings;
    if (settings.discipline === 'ps') this.ps = new PsStation(ctx, { cores: servers, capacity }, this.done, this.dropped);
    else this.queue = new Station(ctx, { servers, capacity, discipline: settings.discipline }, this.done, this.dropped);
  }

  visit(req: Request): void {
    const work = this.settings.service.sample(this.ctx.rng);
    const w = work > 0 ? work : 0;
    if (this.ps !== null) this.ps.arrive(req, w);
    else this.queue!.arrive(req, w, this.priorityOf(req));
  }

  resetStats(now: number): void {
    this.statsSince = now;
    this.queue?.resetStats(now);
    this.ps?.resetStats(now);
  }

  report(now: number): ComponentReport {
    const report: ComponentReport = { name: this.name, kind: this.kind, costPerHour: this.settings.costPerHour };
    const elapsed = now - this.statsSince;
    const q = this.queue;
    const extra: Record<string, number> = {};
    if (q !== null) {
      report.utilisation = q.busy.mean(now) / q.servers;
      report.meanQueue = q.queueLength.mean(now);
      report.maxQueue = q.queueLength.max;
      Object.assign(extra, counts(q.arrivals, q.completions, q.drops, q.sojournSum, elapsed));
      extra.mean_in_system = q.busy.mean(now) + report.meanQueue;
      if (q.started > 0) {
        extra.mean_wait_ms = (q.waitSum / q.started) * 1000;
        extra.p_wait = q.waited / q.started;
      }
    } else {
      const ps = this.ps!;
      const busy = ps.busy.mean(now);
      const inSystem = ps.inSystemGauge.mean(now);
      report.utilisation = busy / ps.cores;
      // jobs beyond the cores: the ones a FIFO station would have kept waiting
      report.meanQueue = Math.max(0, inSystem - busy);
      report.maxQueue = Math.max(0, Math.ceil(ps.inSystemGauge.max - ps.cores));
      Object.assign(extra, counts(ps.arrivals, ps.completions, ps.drops, ps.sojournSum, elapsed));
      extra.mean_in_system = inSystem;
    }
    report.extra = extra;
    return report;
  }

  private priorityOf(req: Request): number {
    const p = this.settings.priorities[req.endpoint];
    return p === undefined ? this.settings.defaultPriority : p;
  }

  private readonly done = (req: Request): void => this.flow.resume(req);
  private readonly dropped = (req: Request): void => this.flow.fail(req, 'dropped', 503);
}

/** Figures both disciplines share; ratios only where their denominator is not 0. */
function counts(arrivals: number, completions: number, drops: number, sojournSum: number, elapsed: number): Record<string, number> {
  const out: Record<string, number> = { arrivals, completions, drops };
  if (arrivals > 0) out.p_block = drops / arrivals;
  if (completions > 0) out.mean_sojourn_ms = (sojournSum / completions) * 1000;
  if (elapsed > 0) out.throughput = completions / elapsed;
  return out;
}

function priorityTable(config: StationConfig, env: BuildEnv): (number | undefined)[] {
  const table: (number | undefined)[] = [];
  if (config.priorities === undefined) return table;
  if (env.endpointIndex === undefined) throw new Error('station priorities: the builder provides no endpointIndex');
  for (const [endpoint, p] of Object.entries(config.priorities)) {
    const index = env.endpointIndex(endpoint);
    if (!(index >= 0)) throw new Error(`station priorities: no endpoint ${endpoint}`);
    table[index] = p;
  }
  return table;
}

export const station = defineComponent({
  kind: 'station',
  summary: 'A plain queueing station (c servers, FIFO/priority/processor sharing, capacity K) for textbook networks.',
  schema,
  refs: () => [],
  build(stationName: string, config: StationConfig, env: BuildEnv) {
    return new StationComponent(stationName, env.ctx, env.flow, {
      servers: config.servers,
      service: fromSpec(config.service),
      discipline: config.discipline,
      capacity: config.capacity ?? Infinity,
      priorities: priorityTable(config, env),
      defaultPriority: config.default_priority ?? 0,
      costPerHour: priceOf(config, env.prices, config.servers),
    });
  },
});
