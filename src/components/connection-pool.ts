/**
 * The `connection_pool` component: each app instance's SQLAlchemy-style pool of database
 * connections (pool_size, max_overflow, pool_timeout), held per request (a Django or
 * SQLAlchemy session) or per query. Its connections count against the database's
 * max_connections — or, over a PgBouncer, against the bouncer's max_client_conn.
 */
import { z } from 'zod';
import type { SimContext } from '../engine/types.js';
import type { FlowRunner } from '../flow/runner.js';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count, duration } from '../model/schema/units.js';
import type { ConnectionSource, PoolProvider } from './contracts.js';
import { PoolSource, type PoolSettings, type Upstream } from './database/pool-source.js';
import { PoolStats } from './database/pool-stats.js';
import { defineComponent, type BuildEnv, type ComponentInstance, type ComponentReport } from './define.js';

/** Kinds a pool can open its connections to. */
export const POOL_UPSTREAM_KINDS = ['database', 'pgbouncer', 'shard_router'] as const;

const schema = z.strictObject({
  kind: z.literal('connection_pool'),
  database: name('component').describe('The database (or pgbouncer, or shard_router: a connection on every shard) the connections go to.'),
  size: count().default(5).describe('Persistent connections per app instance, opened at start (SQLAlchemy pool_size, default 5).'),
  max_overflow: count().default(10)
    .describe('Extra connections opened on demand when all are busy, closed again when returned (SQLAlchemy max_overflow, default 10).'),
  acquire_timeout: duration().prefault('30s')
    .describe('Longest wait for a connection; longer fails the request with pool_timeout, 503 (SQLAlchemy pool_timeout, default 30s).'),
  connect_time: duration().prefault('2ms').describe('Time to open a new connection (TCP, TLS, authentication; default 2ms).'),
  hold: z.enum(['request', 'query']).default('request')
    .describe('request: a connection is taken at the first db step and kept until the request ends (session per request); '
      + 'query: checked out for each db step.'),
}).superRefine((c, ctx) => {
  if (!(c.acquire_timeout > 0)) {
    reject(ctx, c.acquire_timeout, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 30s' }, ['acquire_timeout']);
  }
  if (c.size + c.max_overflow === 0) {
    reject(ctx, c.size, { code: 'SIM_E_INVALID_VALUE', detail: 'size and max_overflow are both 0: the pool could never hand out a connection', hint: 'set size: 5' }, ['size']);
  }
}).describe('A per-instance database connection pool (SQLAlchemy semantics: size, max_overflow, timeout).');

export type ConnectionPoolConfig = z.output<typeof schema>;

export class ConnectionPoolComponent implements PoolProvider, ComponentInstance {
  readonly kind = 'connection_pool';
  readonly stats: PoolStats;
  readonly sources: PoolSource[] = [];

  constructor(
    readonly name: string,
    ctx: SimContext,
    private readonly flow: FlowRunner,
    private readonly upstream: Upstream,
    readonly settings: PoolSettings,
    private readonly contextOf: (instance: string) => SimContext,
  ) {
    this.stats = new PoolStats(ctx.now);
  }

  forInstance(instanceName: string): ConnectionSource {
    const source = new PoolSource(this.contextOf(instanceName), this.flow, this.upstream, this.settings, this.stats);
    this.sources.push(source);
    return source;
  }

  resetStats(now: number): void {
    this.stats.resetStats(now);
  }

  report(now: number): ComponentReport {
    const s = this.settings;
    const { extra, ...figures } = this.stats.figures(now, this.sources.length * (s.size + s.maxOverflow));
    extra.instances = this.sources.length;
    // persistent connections the database refused at start: a configuration problem
    extra.persistent_connections_missing = this.sources.reduce((n, p) => n + p.missing, 0);
    return { name: this.name, kind: this.kind, ...figures, costPerHour: 0, extra };
  }
}

export const connectionPool = defineComponent({
  kind: 'connection_pool',
  summary: 'Per-instance SQLAlchemy-style connection pool: size, max_overflow, acquire timeout, held per request or per query.',
  schema,
  refs: (c) => [{ path: ['database'], name: c.database, kinds: POOL_UPSTREAM_KINDS }],
  build(name: string, config: ConnectionPoolConfig, env: BuildEnv) {
    const upstream = env.lookup<Upstream>(config.database);
    if (typeof upstream?.connect !== 'function') {
      throw new Error(`connection_pool ${name}: ${config.database} does not accept connections (expected a database or pgbouncer)`);
    }
    return new ConnectionPoolComponent(name, env.ctx, env.flow, upstream, {
      size: config.size,
      maxOverflow: config.max_overflow,
      timeout: config.acquire_timeout,
      connectTime: config.connect_time,
      hold: config.hold,
    }, env.subContext);
  },
});
