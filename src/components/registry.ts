/**
 * The registry: every component kind and its definition. The YAML `kind` union, the JSON
 * Schema and `stacksim components` all derive from this map, so adding a component is one
 * file plus one line here.
 */
import type { ComponentDef } from './define.js';
// @registry-imports (one import line per component, kept sorted)
import { appTier } from './app-tier.js';
import { autoscaler } from './autoscaler.js';
import { cache } from './cache.js';
import { cdn } from './cdn.js';
import { connectionPool } from './connection-pool.js';
import { database } from './database.js';
import { faults } from './faults.js';
import { loadBalancer } from './load-balancer.js';
import { pgbouncer } from './pgbouncer.js';
import { rateLimiter } from './rate-limiter.js';
import { shardRouter } from './shard-router.js';
import { station } from './station.js';
import { workerQueue } from './worker-queue.js';

export const registry = {
  // @registry-entries (one `kind: definition,` line per component, kept sorted)
  app_tier: appTier,
  autoscaler: autoscaler,
  cache: cache,
  cdn: cdn,
  connection_pool: connectionPool,
  database: database,
  faults: faults,
  load_balancer: loadBalancer,
  pgbouncer: pgbouncer,
  rate_limiter: rateLimiter,
  shard_router: shardRouter,
  station: station,
  worker_queue: workerQueue,
} satisfies Record<string, ComponentDef<any, any, any>>;

export type ComponentKind = keyof typeof registry;
