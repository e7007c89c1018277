/**
 * `app_tier`: N identical app instances running the endpoint flows — the web servers of the
 * user-management service. The runtime decides how requests share an instance: an event loop
 * (one CPU thread, unlimited I/O concurrency), sync workers or threads (each request holds
 * one until it ends). An autoscaler may resize it at runtime. Parts: app-tier/schema.ts (YAML
 * and defaults), instance.ts (admission, timeout), event-loop.ts and slotted.ts (the runtimes),
 * fleet.ts (instances added and drained at runtime), tier.ts (entry, backends), report.ts.
 */
import type { PoolProvider } from './contracts.js';
import { defineComponent, priceOf, type BuildEnv } from './define.js';
import { EventLoopInstance } from './app-tier/event-loop.js';
import { Fleet, type InstanceFactory } from './app-tier/fleet.js';
import type { AppInstance, InstanceParts } from './app-tier/instance.js';
import { appTierSchema, resolveTier, type TierSettings } from './app-tier/schema.js';
import { SlottedInstance } from './app-tier/slotted.js';
import { AppTier } from './app-tier/tier.js';

/** Kinds that can give an instance its database connections. */
export const POOL_KINDS = ['connection_pool', 'pgbouncer'] as const;

export { AppTier };

export const appTier = defineComponent({
  kind: 'app_tier',
  summary: 'A tier of identical app instances (event loop, sync workers or threads) running the endpoint flows.',
  schema: appTierSchema,
  refs: (c) => (c.pool === undefined ? [] : [{ path: ['pool'], name: c.pool, kinds: POOL_KINDS }]),
  build(name, config, env): AppTier {
    const settings = resolveTier(config);
    const provider = config.pool === undefined ? null : env.lookup<PoolProvider>(config.pool);
    if (provider !== null && typeof provider.forInstance !== 'function') {
      throw new Error(`app_tier ${name}: pool ${config.pool} does not provide per-instance connections (forInstance)`);
    }
    const make = instanceFactory(name, settings, env, provider);
    const initial: AppInstance[] = [];
    for (let k = 1; k <= settings.instances; k++) initial.push(make(k).instance);
    const fleet = new Fleet(env.ctx, initial, make, settings.startup);
    return new AppTier(name, env.ctx, env.flow, settings, fleet, priceOf(config, env.prices));
  },
});

/** Instance `k` of the tier, built at the start or when an autoscaler adds one. */
function instanceFactory(name: string, settings: TierSettings, env: BuildEnv, provider: PoolProvider | null): InstanceFactory {
  return (k) => {
    const instanceName = `${name}/${k}`;
    // one context (and so one stream family) per instance: adding instance 3 changes nothing for 1
    const ctx = env.subContext(String(k));
    const parts: InstanceParts = {
      ctx,
      flow: env.flow,
      flows: env.flows,
      settings,
      pool: provider === null ? null : provider.forInstance(instanceName),
    };
    const instance = settings.runtime === 'event_loop' ? new EventLoopInstance(instanceName, parts) : new SlottedInstance(instanceName, parts);
    return { instance, startup: ctx.stream('startup') };
  };
}
