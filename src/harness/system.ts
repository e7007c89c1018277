/**
 * Start the whole real system under test: Postgres (embedded or DATABASE_URL), schema,
 * seed data, cache and session store (in-process/Postgres, or Redis), the optional task
 * queue and its workers, and the API on a port. `stop()` shuts it down in reverse order:
 * HTTP server, queue (finishing jobs in hand), Redis, pool, Postgres.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { MemoryCache, type Cache } from './cache.js';
import { createPool, Db, warmPool } from './db.js';
import { resolveOptions, type SystemOptions, type SystemOptionsInput } from './options.js';
import { startPostgres, type PostgresServer } from './postgres.js';
import { startTaskQueue, type TaskQueue } from './queue/queue.js';
import { TaskStats } from './queue/task-stats.js';
import { connectRedis, RedisCache, type KeyValueClient } from './redis-store.js';
import { RouteStats, type StatsSnapshot } from './route-stats.js';
import { migrate, setIndexes } from './schema.js';
import { seed, type SeedReport } from './seed.js';
import { PgSessionStore, RedisSessionStore, type SessionStore } from './sessions.js';
import { now } from './timing.js';

export interface StartupTimes {
  /** Milliseconds to start (or reach) Postgres, migrate, seed, and in all. */
  readonly postgresMs: number;
  readonly migrateMs: number;
  readonly seedMs: number;
  readonly totalMs: number;
}

export interface RunningSystem {
  /** Base URL of the API, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly options: SystemOptions;
  readonly databaseUrl: string;
  readonly embeddedPostgres: boolean;
  /** Embedded Postgres only: its directory under the OS temp dir (removed by stop()). */
  readonly postgresDir: string | undefined;
  /** Undefined when seeding was switched off. */
  readonly seed: SeedReport | undefined;
  readonly startup: StartupTimes;
  /** A pool on the system's database (the API's own), for inspection by tests and tools. */
  readonly pool: pg.Pool;
  readonly app: FastifyInstance;
  /** The task queue behind POST /interactions; undefined unless queue.enabled. */
  readonly queue: TaskQueue | undefined;
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Create or drop the optional indexes while running. */
  setIndexes(on: boolean): Promise<void>;
  /** Graceful shutdown; safe to call more than once. */
  stop(): Promise<void>;
}

/** Undo steps registered as parts start, run newest first; each runs at most once. */
class Cleanups {
  private readonly steps: Array<() => Promise<unknown>> = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async runAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) await step().catch(() => undefined);
  }
}

export async function startSystem(input: SystemOptionsInput = {}): Promise<RunningSystem> {
  const options = resolveOptions(input);
  const cleanups = new Cleanups();
  try {
    const data = await prepareDatabase(options, cleanups);
    const db = new Db(data.pool);
    const { cache, sessions } = await storesFor(options, db, cleanups);
    await warmPool(data.pool, options.poolSize);
    const tasks = new TaskStats();
    const stats = new RouteStats(tasks);
    const queue = await queueFor(options, data.postgres.url, db, tasks, cleanups);
    const app = await buildApp({ db, cache, sessions, stats, options, queue });
    cleanups.add(() => app.close());
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    let stopped: Promise<void> | undefined;
    return {
      url: `http://${options.host}:${port}`,
      options,
      databaseUrl: data.postgres.url,
      embeddedPostgres: data.postgres.embedded,
      postgresDir: data.postgres.dir,
      seed: data.seed,
      startup: { ...data.times, totalMs: now() - data.t0 },
      pool: data.pool,
      app,
      queue,
      stats: () => stats.snapshot(),
      resetStats: () => stats.reset(),
      setIndexes: (on) => setIndexes(data.pool, options.pgSchema, on),
      stop: () => (stopped ??= cleanups.runAll()),
    };
  } catch (err) {
    await cleanups.runAll();
    throw err;
  }
}

/** Postgres up, pool open, schema migrated, data seeded; with the time each step took. */
async function prepareDatabase(options: SystemOptions, cleanups: Cleanups) {
  const t0 = now();
  const verbose = options.logLevel === 'debug' || options.logLevel === 'trace';
  const postgres: PostgresServer = await startPostgres({
    databaseUrl: options.databaseUrl,
    durable: options.durable,
    // The API pool, pg-boss's pool (queue.concurrency + 2) when the queue is on, and headroom.
    maxConnections: Math.max(100, options.poolSize + 20 + (options.queue.enabled ? options.queue.concurrency + 2 : 0)),
    ...(verbose ? { onLog: (line: string) => console.error(`[postgres] ${line.trim()}`) } : {}),
  });
  cleanups.add(() => postgres.stop());
  const tPostgres = now();
  const pool = createPool({ connectionString: postgres.url, poolSize: options.poolSize, schema: options.pgSchema }, (err) => {
    if (options.logLevel !== 'silent') console.error(`[harness] idle database connection failed: ${err.message}`);
  });
  cleanups.add(() => pool.end());
  await migrate(pool, options.pgSchema, { reset: options.reset, indexes: options.indexes });
  const tMigrate = now();
  const report = options.seed.enabled
    ? await seed(pool, options.pgSchema, options.seed, options.scrypt, options.indexes)
    : undefined;
  const times = { postgresMs: tPostgres - t0, migrateMs: tMigrate - tPostgres, seedMs: now() - tMigrate };
  return { postgres, pool, seed: report, times, t0 };
}

async function storesFor(
  options: SystemOptions,
  db: Db,
  cleanups: Cleanups,
): Promise<{ cache: Cache | undefined; sessions: SessionStore }> {
  if (options.redisUrl) {
    const client: KeyValueClient = await connectRedis(options.redisUrl);
    cleanups.add(() => client.close());
    // A namespace per start: entries cached by an earlier run describe a database that the
    // reset has since replaced. Old keys simply expire.
    const ns = `stacksim:${randomBytes(6).toString('hex')}:`;
    return {
      cache: options.cache.enabled ? new RedisCache(client, `${ns}cache:`) : undefined,
      sessions: new RedisSessionStore(client, options.sessionTtlSeconds, `${ns}session:`),
    };
  }
  return {
    cache: options.cache.enabled ? new MemoryCache(options.cache.capacity) : undefined,
    sessions: new PgSessionStore(db, options.sessionTtlSeconds),
  };
}

/** Registered after the pool, so stop() finishes the queue's jobs before the pool closes. */
async function queueFor(
  options: SystemOptions,
  connectionString: string,
  db: Db,
  stats: TaskStats,
  cleanups: Cleanups,
): Promise<TaskQueue | undefined> {
  if (!options.queue.enabled) return undefined;
  const onError = (err: Error) => {
    if (options.logLevel !== 'silent') console.error(`[harness] task queue: ${err.message}`);
  };
  const queue = await startTaskQueue({ connectionString, options, db, stats, onError });
  cleanups.add(() => queue.stop());
  return queue;
}
