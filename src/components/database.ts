/**
 * The `database` component: a Postgres-like primary with cores shared by the queries
 * running, a max_connections limit, tables and a catalogue of named queries priced by a
 * cost model (index probes grow with log(rows), scans with rows), plus optional read
 * replicas with replication lag, read routing, read-your-writes and stale-read counting.
 */
import { constant, exponential } from '../engine/random/continuous.js';
import { lognormalMeanCv } from '../engine/random/normal.js';
import { fromSpec } from '../engine/random/spec.js';
import type { Distribution } from '../engine/types.js';
import { defineComponent, priceOf, type BuildEnv } from './define.js';
import { coefficients, compilePlans, optionalSpace } from './database/plans.js';
import { DatabaseComponent, type ReplicaSpec } from './database/runtime.js';
import { databaseSchema, type DatabaseConfig } from './database/schema.js';

export type { DatabaseConfig } from './database/schema.js';
export { DatabaseComponent } from './database/runtime.js';

/** Replication lag when the model gives none: streaming replication under moderate load. */
const DEFAULT_LAG_MEAN = 0.01;

export const database = defineComponent({
  kind: 'database',
  summary: 'A Postgres-like primary (cores, max_connections, query cost model) with optional read replicas, lag and stale reads.',
  schema: databaseSchema,
  refs: () => [],
  keySpaces: (config: DatabaseConfig) =>
    Object.entries(config.queries)
      .filter(([, q]) => q.key !== undefined && q.key !== 'none')
      .map(([query, q]) => ({ path: ['queries', query, 'key'], name: q.key! })),
  build(name: string, config: DatabaseConfig, env: BuildEnv) {
    const cv = coefficients(config).cv;
    const noise: Distribution = cv === 0 ? constant(1) : lognormalMeanCv(1, cv);
    const r = config.replicas;
    return new DatabaseComponent(name, env.ctx, env.flow, {
      cores: config.cores,
      maxConnections: config.max_connections,
      plans: compilePlans(name, config, env.keySpaceIndex),
      noise,
      rtt: env.network.rtt,
      readsToReplicas: (r?.reads ?? 'replicas') === 'replicas',
      rywWindow: r?.read_your_writes ?? 0,
      userSpace: optionalSpace('user', env.keySpaceIndex),
      costPerHour: costOf(config, env),
    }, replicaSpec(config, env));
  },
});

function replicaSpec(config: DatabaseConfig, env: BuildEnv): ReplicaSpec | null {
  const r = config.replicas;
  if (r === undefined || r.count === 0) return null;
  return {
    contexts: Array.from({ length: r.count }, (_, i) => env.subContext(`replica-${i + 1}`)),
    cores: r.cores ?? config.cores,
    lag: r.lag === undefined ? exponential(DEFAULT_LAG_MEAN) : fromSpec(r.lag),
  };
}

/** The primary at its price, each replica at its own price or else the primary's. */
function costOf(config: DatabaseConfig, env: BuildEnv): number {
  const r = config.replicas;
  const primary = priceOf(config, env.prices);
  if (r === undefined || r.count === 0) return primary;
  const ownPrice = r.instance_type !== undefined || r.price_per_hour !== undefined;
  return primary + (ownPrice ? priceOf(r, env.prices, r.count) : primary * r.count);
}
