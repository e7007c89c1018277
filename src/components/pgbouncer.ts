/**
 * The `pgbouncer` component: a connection pooler shared by every app instance. Clients
 * connect cheaply (up to max_client_conn); queries run on a small set of server connections
 * to the database, held per transaction (transaction mode: one `db` step) or per client
 * session (session mode), handed out FIFO with query_wait_timeout. Use it as an app tier's
 * `pool`, or put a connection_pool in front of it (`database: <bouncer>`).
 */
import { z } from 'zod';
import type { SimContext } from '../engine/types.js';
import type { FlowRunner } from '../flow/runner.js';
import { reject } from '../model/schema/issue.js';
import { name } from '../model/schema/names.js';
import { count, duration } from '../model/schema/units.js';
import type { ConnectionSource, Database, PoolProvider } from './contracts.js';
import { BouncerClient } from './database/bouncer-client.js';
import { ConnectionLimit } from './database/connection-limit.js';
import type { Upstream } from './database/pool-source.js';
import { ServerGate } from './database/server-gate.js';
import { costFields, defineComponent, priceOf, type BuildEnv, type ComponentInstance, type ComponentReport } from './define.js';

const schema = z.strictObject({
  kind: z.literal('pgbouncer'),
  database: name('component').describe('The database the server connections go to.'),
  pool_size: count({ min: 1 }).default(20).describe('Server connections to the database (default_pool_size, default 20).'),
  max_client_conn: count({ min: 1 }).default(100).describe('Most client connections at once; more are refused with db_max_connections (default 100).'),
  mode: z.enum(['transaction', 'session']).default('transaction')
    .describe('transaction: a server connection per transaction (db step); session: for as long as the client holds its '
      + 'connection (PgBouncer\'s own default is session; transaction mode is what it is deployed for).'),
  overhead: duration().prefault('0.1ms').describe('Bouncer time added to each server-connection checkout (default 0.1ms).'),
  query_wait_timeout: duration().prefault('120s')
    .describe('Longest wait for a server connection; longer fails the request with pool_timeout (default 120s).'),
  ...costFields,
}).superRefine((c, ctx) => {
  if (!(c.query_wait_timeout > 0)) {
    reject(ctx, c.query_wait_timeout, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 120s' }, ['query_wait_timeout']);
  }
}).describe('PgBouncer: many cheap client connections multiplexed onto a few database connections.');

export type PgBouncerConfig = z.output<typeof schema>;

export class PgBouncerComponent implements PoolProvider, Upstream, ComponentInstance {
  readonly kind = 'pgbouncer';
  readonly clients: ConnectionLimit;
  readonly gate: ServerGate;
  readonly missingServers: number;
  private instances = 0;

  constructor(
    readonly name: string,
    private readonly ctx: SimContext,
    private readonly flow: FlowRunner,
    db: Database,
    config: PgBouncerConfig,
    private readonly costPerHour: number,
  ) {
    let servers = 0;
    for (let i = 0; i < config.pool_size; i++) if (db.connect()) servers++;
    this.missingServers = config.pool_size - servers;
    this.clients = new ConnectionLimit(config.max_client_conn, ctx.now);
    this.gate = new ServerGate(ctx, flow, {
      servers,
      perTransaction: config.mode === 'transaction',
      timeout: config.query_wait_timeout,
      overhead: config.overhead,
    });
  }

  forInstance(_instanceName: string): ConnectionSource {
    this.instances++;
    return new BouncerClient(this.ctx, this.flow, this, this.gate);
  }

  connect(): boolean {
    return this.clients.open(this.ctx.now);
  }

  disconnect(): void {
    this.clients.close(this.ctx.now);
  }

  resetStats(now: number): void {
    this.gate.resetStats(now);
    this.clients.resetStats(now);
  }

  report(now: number): ComponentReport {
    const { extra, ...figures } = this.gate.stats.figures(now, this.gate.settings.servers);
    extra.server_connections = this.gate.settings.servers;
    // server connections the database refused at start: a configuration problem
    extra.server_connections_missing = this.missingServers;
    extra.clients_mean = this.clients.gauge.mean(now);
    extra.clients_max = this.clients.gauge.max;
    extra.clients_refused = this.clients.refused;
    extra.instances = this.instances;
    return { name: this.name, kind: this.kind, ...figures, costPerHour: this.costPerHour, extra };
  }
}

export const pgbouncer = defineComponent({
  kind: 'pgbouncer',
  summary: 'PgBouncer: cheap client connections multiplexed onto pool_size server connections, transaction or session mode.',
  schema,
  refs: (c) => [{ path: ['database'], name: c.database, kinds: ['database'] }],
  build(name: string, config: PgBouncerConfig, env: BuildEnv) {
    const db = env.lookup<Database>(config.database);
    return new PgBouncerComponent(name, env.ctx, env.flow, db, config, priceOf(config, env.prices));
  },
});
