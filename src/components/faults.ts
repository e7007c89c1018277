/**
 * `faults`: failures scheduled in the model — an app instance crashes and restarts, a read
 * replica goes down, a cache is flushed, the database primary fails over (writes fail for
 * a while), a dependency's latency spikes. The stack reacts as it is modelled: a load
 * balancer's health checks take a crashed instance out after their threshold, reads route
 * around a down replica, a flushed cache warms up again. The report logs what happened when.
 */
import { defineComponent, type ConfigProblem } from './define.js';
import { actionFor, Holds } from './faults/actions.js';
import { FaultsComponent } from './faults/runtime.js';
import { crashTarget, faultsSchema, kindOf, labelOf, targetOf, TARGET_KINDS, type FaultEntry, type FaultsConfig } from './faults/schema.js';

export { FaultsComponent } from './faults/runtime.js';
export type { FaultsConfig } from './faults/schema.js';

type Components = ReadonlyMap<string, { kind: string; config: unknown }>;

/** Replica numbers against the database's replicas; instance numbers against the tier's
 * instances, unless an autoscaler may grow the tier (then the number is checked when the
 * crash happens, and a crash of an instance that does not exist is logged as skipped). */
function crossCheck(c: FaultsConfig, components: Components): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  c.schedule.forEach((e: FaultEntry, i) => {
    const kind = kindOf(e);
    if (kind === 'replica_down') {
      const db = components.get(e.replica_down!.database);
      if (db?.kind !== 'database') return;
      const n = (db.config as { replicas?: { count: number } }).replicas?.count ?? 0;
      if (e.replica_down!.replica <= n) return;
      problems.push({
        path: ['schedule', i, 'replica_down', 'replica'],
        detail: n === 0 ? `database \`${e.replica_down!.database}\` has no replicas` : `database \`${e.replica_down!.database}\` has ${n} replica${n === 1 ? '' : 's'}`,
        ...(n === 0 ? { hint: `add \`replicas: { count: 2 }\` to ${e.replica_down!.database}` } : { expected: `a replica number from 1 to ${n}` }),
      });
    }
    if (kind === 'crash') {
      const { tier, instance } = crashTarget(e.crash!);
      const t = components.get(tier);
      if (t?.kind !== 'app_tier' || instance === null || autoscaled(tier, components)) return;
      const n = (t.config as { instances: number }).instances;
      if (instance <= n) return;
      problems.push({ path: ['schedule', i, 'crash'], detail: `app tier \`${tier}\` has ${n} instance${n === 1 ? '' : 's'}`, expected: `${tier}/1 to ${tier}/${n}, or ${tier} for all of them` });
    }
  });
  return problems;
}

/** Whether an autoscaler (kind `autoscaler`, field `target`) may resize `tier`. */
function autoscaled(tier: string, components: Components): boolean {
  for (const { kind, config } of components.values()) {
    if (kind === 'autoscaler' && (config as { target?: unknown }).target === tier) return true;
  }
  return false;
}

export const faults = defineComponent({
  kind: 'faults',
  summary: 'Scheduled faults: instance crash and restart, replica down, cache flush, primary failover, latency spike.',
  schema: faultsSchema,
  refs: (c) => c.schedule.map((e, i) => {
    const t = targetOf(e);
    return { path: ['schedule', i, ...t.path], name: t.name, kinds: TARGET_KINDS[kindOf(e)] };
  }),
  crossCheck,
  build(name, config, env): FaultsComponent {
    const holds = new Holds();
    return new FaultsComponent(name, env.ctx, config.schedule.map((e) => ({
      kind: kindOf(e),
      label: labelOf(e),
      at: e.at,
      for: e.for ?? null,
      action: actionFor(name, e, env.lookup<unknown>(targetOf(e).name), holds),
    })));
  },
});
