/**
 * The registry: every component kind and its definition. The YAML `kind` union, the JSON
 * Schema and `stacksim components` all derive from this map, so adding a component is one
 * file plus one line here.
 */
import type { ComponentDef } from './define.js';
// @registry-imports (one import line per component, kept sorted)
import { appTier } from './app-tier.js';
import { cache } from './cache.js';
import { connectionPool } from './connection-pool.js';
import { database } from './database.js';
import { loadBalancer } from './load-balancer.js';
import { pgbouncer } from './pgbouncer.js';
import { station } from './station.js';

export const registry = {
  // @registry-entries (one `kind: definition,` line per component, kept sorted)
  app_tier: appTier,
  cache: cache,
  connection_pool: connectionPool,
  database: database,
  load_balancer: loadBalancer,
  pgbouncer: pgbouncer,
  station: station,
} satisfies Record<string, ComponentDef<any, any, any>>;

export type ComponentKind = keyof typeof registry;
