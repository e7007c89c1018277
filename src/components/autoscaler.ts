/**
 * `autoscaler`: resizes an app tier or a worker queue on a metric, with Kubernetes HPA v2
 * semantics — desired = ceil(replicas × metric / target) outside a 10 % tolerance, a sync
 * period, stabilisation windows, Pods/Percent policies with selectPolicy, min and max — or
 * the simple queue-depth rule for workers. New replicas take work after the target's
 * start-up delay; the target's cost follows its instance-hours. Parts: autoscaler/schema.ts,
 * decide.ts (the rule), runtime.ts (sync loop, timeline, report); the algorithm itself is
 * pure functions in policies/scaling/.
 */
import type { Scalable } from './contracts.js';
import { defineComponent } from './define.js';
import { decider } from './autoscaler/decide.js';
import { Autoscaler } from './autoscaler/runtime.js';
import { autoscalerSchema, targetKinds } from './autoscaler/schema.js';

export { Autoscaler };
export type { ScalingPoint } from './autoscaler/runtime.js';

export const autoscaler = defineComponent({
  kind: 'autoscaler',
  summary: 'Resizes an app_tier or worker_queue on CPU or queue depth: Kubernetes HPA v2 rules (tolerance, windows, policies) or a simple queue-depth rule.',
  schema: autoscalerSchema,
  refs: (c) => [{ path: ['target'], name: c.target, kinds: targetKinds(c.metric) }],
  build(name, config, env): Autoscaler {
    const target = env.lookup<Scalable>(config.target);
    if (typeof target?.scaleTo !== 'function') {
      throw new Error(`autoscaler ${name}: ${config.target} cannot be resized (it does not implement Scalable)`);
    }
    const metric = 'cpu' in config.metric ? 'cpu' : 'queue_depth_per_worker';
    return new Autoscaler(name, env.ctx, target, metric, config.sync_period, decider(config));
  },
});
