/**
 * Seed data, generated server-side with INSERT … SELECT generate_series (no row-by-row
 * round trips). Seeded user i has email user<i>@example.com and the known password
 * SEED_PASSWORD; their hashes are a handful (SEED_HASH_COUNT) of precomputed scrypt hashes of
 * that password, reused round-robin, because hashing 100k passwords would take minutes.
 * Items are skewed (item k is drawn with density ∝ k^(-2/3)) so a few items are hot.
 * 100k users + 1M interactions take ≈6 s on the 2-core dev VM (≈15 s with both cores busy).
 */
import type { Pool, PoolClient } from 'pg';
import { INTERACTION_KINDS, setIndexes, setInteractionsForeignKey } from './schema.js';
import { hashPassword, type ScryptCost } from './passwords.js';
import { now } from './timing.js';

export const SEED_PASSWORD = 'seeded-password';
export const SEED_HASH_COUNT = 4;

export const seededUserEmail = (i: number): string => `user${i}@example.com`;

export interface SeedSizes {
  readonly users: number;
  readonly interactions: number;
  readonly items: number;
  readonly days: number;
}

export interface SeedReport {
  readonly users: number;
  readonly interactions: number;
  /** Wall time of the whole seed, including index builds and VACUUM ANALYZE, in ms. */
  readonly ms: number;
  /** False when the users table already had rows and nothing was inserted. */
  readonly seeded: boolean;
}

/** Fill empty tables. The optional indexes are built after the bulk insert (much faster). */
export async function seed(pool: Pool, schema: string, sizes: SeedSizes, cost: ScryptCost, indexes: boolean): Promise<SeedReport> {
  const t0 = now();
  const existing = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((existing.rows[0]?.n ?? 0) > 0) return { users: 0, interactions: 0, ms: now() - t0, seeded: false };
  // Load first, then build indexes and check the foreign key in bulk: several times faster.
  await setIndexes(pool, schema, false);
  await setInteractionsForeignKey(pool, schema, false);
  const client = await pool.connect();
  try {
    // setseed makes random() repeatable within this session, so a seed is reproducible.
    await client.query('SELECT setseed(0.42)');
    await insertUsers(client, sizes.users, cost);
    if (sizes.users > 0) await insertInteractions(client, sizes);
  } finally {
    client.release();
  }
  await setInteractionsForeignKey(pool, schema, true);
  if (indexes) await setIndexes(pool, schema, true);
  // Fresh statistics for the planner, and a visibility map so index-only scans are possible.
  await pool.query('VACUUM ANALYZE users, interactions, sessions');
  const interactions = sizes.users > 0 ? sizes.interactions : 0;
  return { users: sizes.users, interactions, ms: now() - t0, seeded: true };
}

async function insertUsers(client: PoolClient, users: number, cost: ScryptCost): Promise<void> {
  const hashes = Array.from({ length: SEED_HASH_COUNT }, () => hashPassword(SEED_PASSWORD, cost));
  // On a fresh table the identity column numbers rows in generate_series order, so id = i.
  await client.query(
    `INSERT INTO users (email, name, password_hash, created_at)
     SELECT 'user' || i || '@example.com', 'User ' || i, ($1::text[])[1 + i % $2],
            now() - random() * interval '365 days'
     FROM generate_series(1, $3::int) AS i
     ORDER BY i`,
    [hashes, SEED_HASH_COUNT, users],
  );
}

async function insertInteractions(client: PoolClient, sizes: SeedSizes): Promise<void> {
  await client.query(
    `INSERT INTO interactions (user_id, item_id, kind, created_at)
     SELECT 1 + floor(random() * $1::int)::int,
            1 + floor($2::int * power(random(), 3))::int,
            ($3::text[])[1 + floor(random() * $4::int)::int],
            now() - random() * make_interval(days => $5::int)
     FROM generate_series(1, $6::int)`,
    [sizes.users, sizes.items, [...INTERACTION_KINDS], INTERACTION_KINDS.length, sizes.days, sizes.interactions],
  );
}
