/**
 * The autoscaler's YAML form: what it scales (`target`), on which metric and target value,
 * within which replica bounds, and how (`algorithm: hpa` with the Kubernetes `behavior`
 * block, or the simple `queue_depth` scaler with its cooldown). Field names follow the HPA
 * v2 spec in snake_case (stabilizationWindowSeconds → stabilization_window).
 */
import { z } from 'zod';
import { DEFAULT_BEHAVIOR, DEFAULT_TOLERANCE, type ScalingRules } from '../policies/scaling/behavior.js';
import { reject } from '../../model/schema/issue.js';
import { keyedUnion, type OneKeyOf } from '../../model/schema/keyed.js';
import { name } from '../../model/schema/names.js';
import { count, duration, fraction } from '../../model/schema/units.js';

/** Kubernetes' limits: a window of at most 1 hour, a policy period of at most 30 minutes. */
const MAX_WINDOW = 3600;
const MAX_PERIOD = 1800;

const policy = z.strictObject({
  type: z.enum(['pods', 'percent']).describe('pods: add or remove at most `value` replicas per period; percent: at most `value` % of the replicas at the start of the period.'),
  value: count({ min: 1 }).describe('How many replicas (pods) or what percentage (percent) per period.'),
  period: duration().describe('The sliding period the limit applies to, e.g. 15s (at most 30m).'),
}).superRefine((p, ctx) => {
  if (!(p.period > 0 && p.period <= MAX_PERIOD)) reject(ctx, p.period, { code: 'SIM_E_INVALID_VALUE', expected: 'a period > 0 and at most 30m, e.g. 15s' }, ['period']);
});

function rules(defaults: ScalingRules, direction: string) {
  const seconds = `${defaults.window}s`;
  return z.strictObject({
    stabilization_window: duration().prefault(seconds)
      .describe(`Recommendations remembered when scaling ${direction}: the ${direction === 'up' ? 'lowest' : 'highest'} within the window wins (default ${seconds}, at most 1h).`),
    select_policy: z.enum(['max', 'min', 'disabled']).default('max')
      .describe('Which policy applies when there are several: max (the largest change), min (the smallest), disabled (never scale this way). Default max.'),
    policies: z.array(policy).min(1).optional()
      .describe(`Limits on the change per period (default: ${defaults.policies.map((p) => `${p.type} ${p.value} per ${p.period}s`).join(', ')}).`),
  }).superRefine((r, ctx) => {
    if (r.stabilization_window > MAX_WINDOW) reject(ctx, r.stabilization_window, { code: 'SIM_E_INVALID_VALUE', expected: 'a window of at most 1h' }, ['stabilization_window']);
  }).describe(`How the autoscaler scales ${direction} (Kubernetes behavior.scale${direction === 'up' ? 'Up' : 'Down'}).`);
}

const behavior = z.strictObject({
  scale_up: rules(DEFAULT_BEHAVIOR.scaleUp, 'up').prefault({}),
  scale_down: rules(DEFAULT_BEHAVIOR.scaleDown, 'down').prefault({}),
}).describe('Scaling behavior (HPA v2): stabilization windows and rate policies; defaults as in Kubernetes.');

const metricVariants = {
  cpu: fraction().describe('Target mean CPU utilisation of the replicas in rotation, e.g. 60% (app_tier or worker_queue).'),
  queue_depth_per_worker: z.number().positive().finite().describe('Target tasks waiting per worker, e.g. 10 (worker_queue).'),
};

export type MetricChoice = OneKeyOf<typeof metricVariants>;

export const ALGORITHMS = ['hpa', 'queue_depth'] as const;

export const autoscalerSchema = z.strictObject({
  kind: z.literal('autoscaler'),
  target: name('component').describe('The app_tier or worker_queue to resize.'),
  metric: keyedUnion('metric', metricVariants, { example: '{ cpu: 60% }' })
    .describe('The metric and its target value per replica: { cpu: 60% } or { queue_depth_per_worker: 10 }.'),
  min_replicas: count({ min: 1 }).default(1).describe('Fewest replicas (default 1).'),
  max_replicas: count({ min: 1 }).describe('Most replicas.'),
  sync_period: duration().prefault('15s').describe('Time between two decisions (the HPA sync period, default 15s).'),
  algorithm: z.enum(ALGORITHMS).default('hpa')
    .describe('hpa: Kubernetes HPA v2 rules (tolerance, windows, policies); queue_depth: the simple rule ceil(backlog / target) with a cooldown before scaling down.'),
  tolerance: fraction().optional()
    .describe(`algorithm hpa: metric/target ratios this close to 1 cause no change (default ${DEFAULT_TOLERANCE * 100}%).`),
  behavior: behavior.optional(),
  cooldown: duration().optional().describe('algorithm queue_depth: how long a lower worker count must hold before workers are removed (default 60s).'),
}).superRefine((c, ctx) => {
  const bad = (field: string, value: unknown, detail: string, hint?: string) =>
    reject(ctx, value, { code: 'SIM_E_INVALID_VALUE', detail, ...(hint === undefined ? {} : { hint }), atKey: true }, [field]);
  if (c.max_replicas < c.min_replicas) {
    reject(ctx, c.max_replicas, { code: 'SIM_E_INVALID_VALUE', expected: `at least min_replicas (${c.min_replicas})` }, ['max_replicas']);
  }
  if (!(c.sync_period > 0)) reject(ctx, c.sync_period, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 15s' }, ['sync_period']);
  if ('cpu' in c.metric && !(c.metric.cpu > 0)) {
    reject(ctx, c.metric.cpu, { code: 'SIM_E_INVALID_VALUE', expected: 'a utilisation > 0, e.g. 60%' }, ['metric', 'cpu']);
  }
  if (c.algorithm === 'queue_depth') {
    if (!('queue_depth_per_worker' in c.metric)) bad('algorithm', c.algorithm, 'algorithm queue_depth scales on the queue: it needs `metric: { queue_depth_per_worker: … }`');
    if (c.behavior !== undefined) bad('behavior', c.behavior, '`behavior` applies to algorithm hpa', 'use `cooldown` with algorithm queue_depth');
    if (c.tolerance !== undefined) bad('tolerance', c.tolerance, '`tolerance` applies to algorithm hpa');
  } else if (c.cooldown !== undefined) {
    bad('cooldown', c.cooldown, '`cooldown` applies to algorithm queue_depth', 'with algorithm hpa use behavior.scale_down.stabilization_window');
  }
}).describe('Resizes an app_tier or worker_queue on a metric: Kubernetes HPA v2 semantics, or a simple queue-depth rule.');

export type AutoscalerConfig = z.output<typeof autoscalerSchema>;

/** Kinds each metric can scale (the normalizer checks `target` against them). */
export function targetKinds(metric: MetricChoice): readonly string[] {
  return 'cpu' in metric ? ['app_tier', 'worker_queue'] : ['worker_queue'];
}
