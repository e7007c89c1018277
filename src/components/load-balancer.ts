/**
 * `load_balancer`: spreads requests over the instances of one or more app tiers (nginx, HAProxy,
 * an ALB). A pure policy from policies/lb picks among the backends in rotation; backup targets
 * take traffic only when no primary is usable; active health checks (one timer for all
 * backends) take a backend out after repeated failed checks — down, or its accept queue full —
 * and put it back after repeated passes. Without health checks it sees `up` at once. When an
 * autoscaler resizes a target tier, the backend lists follow (see `setBackends`).
 */
import { z } from 'zod';
import { constant } from '../engine/random/continuous.js';
import { fromSpec } from '../engine/random/spec.js';
import type { Distribution, RandomStream, SimContext } from '../engine/types.js';
import type { Request } from '../flow/request.js';
import { timeDistribution } from '../model/schema/distribution.js';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count, duration } from '../model/schema/units.js';
import { Refusal } from './app-tier/reject-step.js';
import type { Backend, BackendGroup, Entry } from './contracts.js';
import { costFields, defineComponent, priceOf, type ComponentInstance, type ComponentReport } from './define.js';
import { backendSet, carryOver, type BackendSet } from './load-balancer/backend-set.js';
import { recordCheck, type HealthThresholds } from './policies/lb/health.js';
import { LB_POLICIES, LB_POLICY_NAMES } from './policies/lb/index.js';
import type { LbPolicy } from './policies/lb/policy.js';

/** Kinds whose built instance is a BackendGroup a load balancer can target. */
export const BACKEND_GROUP_KINDS = ['app_tier'] as const;

const healthCheck = z.strictObject({
  interval: duration().describe('Time between two checks of every backend, e.g. 2s.'),
  unhealthy_threshold: count({ min: 1 }).default(3)
    .describe('Consecutive failed checks before a backend is taken out of rotation (HAProxy fall; default 3).'),
  healthy_threshold: count({ min: 1 }).default(2)
    .describe('Consecutive passed checks before it is put back (HAProxy rise; default 2).'),
}).superRefine((h, ctx) => {
  if (h.interval <= 0) reject(ctx, h.interval, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 2s' }, ['interval']);
}).describe('Active health checks: a check fails when the backend is down or its accept queue is full.');

const schema = z.strictObject({
  kind: z.literal('load_balancer'),
  policy: z.enum(LB_POLICY_NAMES).default('round_robin')
    .describe('How a backend is chosen: round_robin, weighted_round_robin (nginx smooth), least_connections, random, '
      + 'power_of_two_choices, hash (sticky by hash_key).'),
  hash_key: name('key space').optional().describe('policy: hash only — the key space whose value picks the backend, e.g. user (sticky sessions).'),
  targets: z.array(name('component')).min(1).describe('App tiers whose instances receive the traffic.'),
  backup: z.array(name('component')).optional().describe('App tiers used only while no primary backend is usable.'),
  health_check: healthCheck.optional(),
  overhead: z.union([duration(), timeDistribution()]).optional()
    .describe("The balancer's own time per request (processing and the extra network hop): a duration or a time distribution (default 0)."),
  ...costFields,
}).superRefine((c, ctx) => {
  if (c.policy === 'hash' && c.hash_key === undefined) {
    reject(ctx, c, { code: 'SIM_E_MISSING_FIELD', detail: 'policy hash needs hash_key', hint: 'add `hash_key: user` (a key space)' });
  }
  if (c.policy !== 'hash' && c.hash_key !== undefined) {
    reject(ctx, c.hash_key, { code: 'SIM_E_INVALID_VALUE', detail: `hash_key applies to policy hash, not ${c.policy}`, atKey: true }, ['hash_key']);
  }
  const seen = new Set<string>();
  [...c.targets, ...(c.backup ?? [])].forEach((t, i) => {
    const path = i < c.targets.length ? ['targets', i] : ['backup', i - c.targets.length];
    if (seen.has(t)) reject(ctx, t, { code: 'SIM_E_INVALID_VALUE', detail: `\`${t}\` is listed twice among targets and backup` }, path);
    seen.add(t);
  });
}).describe('A load balancer in front of app tiers: a policy, optional backups and health checks.');

export type LoadBalancerConfig = z.output<typeof schema>;

export interface LoadBalancerParts {
  readonly ctx: SimContext;
  readonly refusal: Refusal;
  readonly policy: LbPolicy;
  readonly primary: readonly Backend[];
  readonly backup: readonly Backend[];
  readonly overhead: Distribution | null;
  /** Index of the hash key space, or -1. */
  readonly hashSpace: number;
  readonly check: { readonly interval: number; readonly thresholds: HealthThresholds } | null;
  readonly costPerHour: number;
}

export class LoadBalancer implements Entry, ComponentInstance {
  readonly kind = 'load_balancer';
  private readonly ctx: SimContext;
  private primary: BackendSet;
  private backup: BackendSet | null;
  /** Requests routed to backends that have since left (scaled in), by name. */
  private readonly goneRouted = new Map<string, number>();
  private readonly overheadRng: RandomStream;

  // statistics since the last reset
  backupRouted = 0;
  noBackend = 0;
  markedDown = 0;
  markedUp = 0;

  constructor(readonly name: string, private readonly p: LoadBalancerParts) {
    this.ctx = p.ctx;
    this.overheadRng = p.ctx.stream('overhead');
    const health = p.check !== null;
    this.primary = backendSet(p.primary, health);
    this.backup = p.backup.length > 0 ? backendSet(p.backup, health) : null;
    if (p.check !== null) p.ctx.schedule(p.check.interval, this.checkAll, null);
  }

  accept(req: Request): void {
    const overhead = this.p.overhead;
    if (overhead === null) return this.route(req);
    this.ctx.schedule(Math.max(0, overhead.sample(this.overheadRng)), this.route, req);
  }

  /** New backend lists (a target tier was resized). A backend still listed keeps its health
   * state, counters and policy memory; a new one starts healthy, as a freshly registered
   * target does once its readiness passes; one that left is forgotten, but not its count. */
  setBackends(primary: readonly Backend[], backup: readonly Backend[]): void {
    const health = this.p.check !== null;
    this.primary = carryOver(this.primary, primary, health, this.goneRouted);
    const old = this.backup ?? backendSet([], health);
    this.backup = backup.length > 0 || this.backup !== null ? carryOver(old, backup, health, this.goneRouted) : null;
  }

  /** Whether the health checks currently keep `backend` in rotation (true without checks). */
  inRotation(backend: string): boolean {
    for (const set of this.sets()) {
      const i = set.backends.findIndex((b) => b.name === backend);
      if (i >= 0) return set.health === null || set.health.healthy[i] === 1;
    }
    throw new Error(`load_balancer ${this.name}: no backend named ${backend}`);
  }

  resetStats(_now: number): void {
    this.backupRouted = this.noBackend = this.markedDown = this.markedUp = 0;
    for (const set of this.sets()) set.routed.fill(0);
    this.goneRouted.clear();
  }

  report(_now: number): ComponentReport {
    const extra: Record<string, number> = {
      backup_routed: this.backupRouted,
      no_healthy_instance: this.noBackend,
      marked_down: this.markedDown,
      marked_up: this.markedUp,
    };
    for (const [name, n] of this.goneRouted) extra[`routed.${name}`] = n;
    for (const set of this.sets()) set.backends.forEach((b, i) => (extra[`routed.${b.name}`] = set.routed[i]!));
    return { name: this.name, kind: this.kind, costPerHour: this.p.costPerHour, extra };
  }

  private sets(): BackendSet[] {
    return this.backup === null ? [this.primary] : [this.primary, this.backup];
  }

  // bound once: the request is the event payload after the overhead delay
  private readonly route = (req: Request): void => {
    const key = this.p.hashSpace >= 0 ? req.keys[this.p.hashSpace]! : 0;
    if (this.send(this.primary, req, key)) return;
    if (this.backup !== null && this.send(this.backup, req, key)) {
      this.backupRouted++;
      return;
    }
    this.noBackend++;
    this.p.refusal.refuse(req);
  };

  private send(set: BackendSet, req: Request, key: number): boolean {
    const { backends, usable } = set;
    if (set.health === null) {
      for (let i = 0; i < backends.length; i++) usable[i] = backends[i]!.up ? 1 : 0;
    }
    const i = this.p.policy(backends, usable, set.state, this.ctx.rng, key);
    if (i < 0) return false;
    set.routed[i]!++;
    backends[i]!.accept(req);
    return true;
  }

  private readonly checkAll = (): void => {
    const check = this.p.check!;
    for (const set of this.sets()) {
      set.backends.forEach((b, i) => {
        if (!recordCheck(set.health!, i, b.up && b.overloaded !== true, check.thresholds)) return;
        if (set.health!.healthy[i] === 1) this.markedUp++;
        else this.markedDown++;
      });
    }
    this.ctx.schedule(check.interval, this.checkAll, null);
  };
}

function overheadOf(spec: LoadBalancerConfig['overhead']): Distribution | null {
  if (spec === undefined || spec === 0) return null;
  return typeof spec === 'number' ? constant(spec) : fromSpec(spec);
}

export const loadBalancer = defineComponent({
  kind: 'load_balancer',
  summary: 'Spreads requests over app tier instances by a policy, with backups and active health checks.',
  schema,
  refs: (c) => [
    ...c.targets.map((t, i) => ({ path: ['targets', i], name: t, kinds: BACKEND_GROUP_KINDS })),
    ...(c.backup ?? []).map((t, i) => ({ path: ['backup', i], name: t, kinds: BACKEND_GROUP_KINDS })),
  ],
  keySpaces: (c) => (c.hash_key === undefined ? [] : [{ path: ['hash_key'], name: c.hash_key }]),
  build(lbName, config, env): LoadBalancer {
    const expand = (names: readonly string[]): Backend[] => names.flatMap((t) => {
      const group = env.lookup<BackendGroup>(t);
      if (typeof group?.backends !== 'function') throw new Error(`load_balancer ${lbName}: target ${t} has no backends`);
      return [...group.backends()];
    });
    const hc = config.health_check;
    const balancer = new LoadBalancer(lbName, {
      ctx: env.ctx,
      refusal: new Refusal(env.ctx, env.flow, 'no_healthy_instance', 503),
      policy: LB_POLICIES[config.policy],
      primary: expand(config.targets),
      backup: expand(config.backup ?? []),
      overhead: overheadOf(config.overhead),
      hashSpace: config.hash_key === undefined ? -1 : env.keySpaceIndex(config.hash_key),
      check: hc === undefined ? null
        : { interval: hc.interval, thresholds: { unhealthy: hc.unhealthy_threshold, healthy: hc.healthy_threshold } },
      costPerHour: priceOf(config, env.prices),
    });
    // autoscaled tiers announce changes to their instances in rotation
    const refresh = (): void => balancer.setBackends(expand(config.targets), expand(config.backup ?? []));
    for (const t of [...config.targets, ...(config.backup ?? [])]) env.lookup<BackendGroup>(t).onChange?.(refresh);
    return balancer;
  },
});
