/**
 * Public API of the real system under test (the load driver lives in ./driver/).
 * startSystem() brings up Postgres, schema, seed, cache and the Fastify API; the rest is
 * exported for tools that assemble or inspect the parts themselves.
 */
export { startSystem, type RunningSystem, type StartupTimes } from './system.js';
export { optionsFromEnv, resolveOptions, systemOptionsSchema, type SystemOptions, type SystemOptionsInput } from './options.js';
export { buildApp, type BuildOptions } from './app.js';
export { startPostgres, type PostgresServer, type PostgresOptions } from './postgres.js';
export { migrate, setIndexes, listIndexes, OPTIONAL_INDEXES, INTERACTION_KINDS } from './schema.js';
export { seed, SEED_PASSWORD, SEED_HASH_COUNT, seededUserEmail, type SeedReport, type SeedSizes } from './seed.js';
export { hashPassword, verifyPassword, type ScryptCost } from './passwords.js';
export { parseServerTiming, serverTimingHeader, COMPONENTS, type Component } from './timing.js';
export type { StatsSnapshot, RouteSnapshot, MomentsSnapshot } from './route-stats.js';
export { startTaskQueue, TASK, DEAD_LETTER, type TaskQueue } from './queue/queue.js';
export type { TaskSnapshot } from './queue/task-stats.js';
