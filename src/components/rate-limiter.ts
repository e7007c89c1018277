/**
 * `rate_limiter`: a token bucket or a sliding window in front of another entry (a load
 * balancer, an app tier, a CDN) — at the load balancer or the app, as nginx `limit_req`, an
 * API gateway or a Redis-backed middleware would be. The limit holds for all traffic, per
 * client (a key space such as `user`) or per endpoint; refused requests are 429s, counted
 * under `rate_limited`. The model's `entry:` names the limiter.
 */
import { z } from 'zod';
import { constant } from '../engine/random/continuous.js';
import { fromSpec } from '../engine/random/spec.js';
import type { Distribution } from '../engine/types.js';
import { timeDistribution } from '../model/schema/distribution.js';
import { reject } from '../model/schema/issue.js';
import { keyedUnion } from '../model/schema/keyed.js';
import { name } from '../model/schema/names.js';
import { count, duration, rate } from '../model/schema/units.js';
import { Refusal } from './app-tier/reject-step.js';
import type { Entry } from './contracts.js';
import { costFields, defineComponent, priceOf, type BuildEnv } from './define.js';
import { rateLimitPolicy, type RateLimitSpec } from './policies/rate-limit/index.js';
import { RateLimiter } from './rate-limiter/limiter.js';

export { RateLimiter } from './rate-limiter/limiter.js';

/** Kinds a limiter (or a CDN) can pass traffic on to: anything traffic can enter. */
export const FORWARD_KINDS = ['load_balancer', 'app_tier', 'rate_limiter', 'cdn'] as const;

const windowed = (what: string) => z.strictObject({
  limit: count({ min: 1 }).describe('Most requests admitted in any window, e.g. 100.'),
  window: duration().describe('The window length, e.g. 1s or 1m.'),
}).describe(what);

const algorithm = keyedUnion('rate-limit algorithm', {
  token_bucket: z.strictObject({
    rate: rate().describe('Tokens added per second: the sustained rate admitted, e.g. 100/s.'),
    burst: count({ min: 1 }).describe('Tokens the bucket holds: how many requests pass at once after a quiet spell, e.g. 20.'),
  }).describe('A bucket of `burst` tokens refilled at `rate`; each request takes one (nginx limit_req, AWS API Gateway).'),
  sliding_window: windowed('Sliding window counter (Cloudflare-style): this window\'s count plus the previous window\'s, '
    + 'weighted by its overlap, must stay within `limit`. O(1) memory per client; approximate at window edges.'),
  sliding_log: windowed('Sliding log: exact — no interval of length `window` admits more than `limit`. '
    + 'Remembers up to `limit` times per client.'),
}, { example: '{ token_bucket: { rate: 100/s, burst: 20 } }' }).describe('The algorithm and its parameters, e.g. { token_bucket: { rate: 100/s, burst: 20 } }.');

const schema = z.strictObject({
  kind: z.literal('rate_limiter'),
  target: name('component').describe('Where admitted requests go: a load_balancer, app_tier, cdn or another rate_limiter.'),
  algorithm,
  scope: z.enum(['global', 'per_client', 'per_endpoint']).default('global')
    .describe('One limit for all traffic (global), one per client (per_client, by `client_key`) or one per endpoint.'),
  client_key: name('key space').optional()
    .describe('per_client only: the key space whose value identifies the client, e.g. user (requests with no value for it share one state).'),
  max_clients: count({ min: 1 }).default(100_000)
    .describe('Most client states remembered (default 100k); the least recently seen is forgotten and starts afresh.'),
  endpoints: z.array(name('endpoint')).min(1).optional()
    .describe('Only these endpoints are limited, e.g. [login] (default: every endpoint).'),
  overhead: z.union([duration(), timeDistribution()]).optional()
    .describe('Time to take a decision, e.g. a round trip to a shared Redis: a duration or a time distribution (default 0).'),
  ...costFields,
}).superRefine((c, ctx) => {
  if (c.scope === 'per_client' && c.client_key === undefined) {
    reject(ctx, c, { code: 'SIM_E_MISSING_FIELD', detail: 'scope per_client needs client_key', hint: 'add `client_key: user` (a key space)' });
  }
  if (c.scope !== 'per_client' && c.client_key !== undefined) {
    reject(ctx, c.client_key, { code: 'SIM_E_INVALID_VALUE', detail: `client_key applies to scope per_client, not ${c.scope}`, atKey: true }, ['client_key']);
  }
  const a = c.algorithm as RateLimitSpec;
  if ('token_bucket' in a && !(a.token_bucket.rate > 0)) {
    reject(ctx, a.token_bucket.rate, { code: 'SIM_E_INVALID_VALUE', expected: 'a rate > 0, e.g. 100/s' }, ['algorithm', 'token_bucket', 'rate']);
  }
  const windowed = 'sliding_window' in a ? ['sliding_window', a.sliding_window] as const
    : 'sliding_log' in a ? ['sliding_log', a.sliding_log] as const : null;
  if (windowed !== null && !(windowed[1].window > 0)) {
    reject(ctx, windowed[1].window, { code: 'SIM_E_INVALID_VALUE', expected: 'a window > 0, e.g. 1s' }, ['algorithm', windowed[0], 'window']);
  }
  if (c.endpoints !== undefined && new Set(c.endpoints).size < c.endpoints.length) {
    reject(ctx, c.endpoints, { code: 'SIM_E_INVALID_VALUE', detail: 'an endpoint is listed twice' }, ['endpoints']);
  }
}).describe('A rate limiter (token bucket or sliding window; global, per client or per endpoint) in front of another entry.');

export type RateLimiterConfig = z.output<typeof schema>;

export function overheadOf(spec: RateLimiterConfig['overhead']): Distribution | null {
  if (spec === undefined || spec === 0) return null;
  return typeof spec === 'number' ? constant(spec) : fromSpec(spec);
}

function limitedEndpoints(config: RateLimiterConfig, env: BuildEnv): Uint8Array | null {
  if (config.endpoints === undefined) return null;
  if (env.endpointIndex === undefined) throw new Error('rate_limiter endpoints: the builder provides no endpointIndex');
  const indexes = config.endpoints.map((e) => env.endpointIndex!(e));
  const table = new Uint8Array(Math.max(...indexes) + 1);
  for (const i of indexes) table[i] = 1;
  return table;
}

export const rateLimiter = defineComponent({
  kind: 'rate_limiter',
  summary: 'Token bucket or sliding window in front of an entry; global, per client or per endpoint; refusals are 429 rate_limited.',
  schema,
  refs: (c) => [{ path: ['target'], name: c.target, kinds: FORWARD_KINDS }],
  keySpaces: (c) => (c.client_key === undefined ? [] : [{ path: ['client_key'], name: c.client_key }]),
  endpoints: (c) => (c.endpoints ?? []).map((e, i) => ({ path: ['endpoints', i], name: e })),
  build(limiterName, config, env): RateLimiter {
    const target = env.lookup<Entry>(config.target);
    if (typeof target?.accept !== 'function') throw new Error(`rate_limiter ${limiterName}: target ${config.target} takes no traffic`);
    return new RateLimiter(limiterName, {
      ctx: env.ctx,
      target,
      refusal: new Refusal(env.ctx, env.flow, 'rate_limited', 429),
      policy: rateLimitPolicy(config.algorithm as RateLimitSpec),
      scope: config.scope,
      clientSpace: config.client_key === undefined ? -1 : env.keySpaceIndex(config.client_key),
      maxClients: config.max_clients,
      limited: limitedEndpoints(config, env),
      overhead: overheadOf(config.overhead),
      costPerHour: priceOf(config, env.prices),
    });
  },
});
