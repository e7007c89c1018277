/**
 * The database schema, all tables in one Postgres schema (default "stacksim") so an external
 * server's own tables are never touched. Unique constraints (users.email, sessions.token_hash)
 * are part of correctness and always present; the other indexes are a switch, the
 * "index present or dropped" strategy the model compares.
 */
import pg from 'pg';
import type { Pool } from 'pg';

export const INTERACTION_KINDS = ['view', 'click', 'like', 'purchase'] as const;

const q = (schema: string): string => pg.escapeIdentifier(schema);

function tablesDdl(schema: string): string[] {
  const s = q(schema);
  const kinds = INTERACTION_KINDS.map((k) => `'${k}'`).join(', ');
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.users (
       id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       email text NOT NULL CONSTRAINT users_email_key UNIQUE,
       name text NOT NULL,
       password_hash text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS ${s}.interactions (
       id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       user_id integer NOT NULL CONSTRAINT ${q(INTERACTIONS_USER_FK)} REFERENCES ${s}.users (id) ON DELETE CASCADE,
       item_id integer NOT NULL,
       kind text NOT NULL CHECK (kind IN (${kinds})),
       created_at timestamptz NOT NULL DEFAULT now())`,
    `CREATE TABLE IF NOT EXISTS ${s}.sessions (
       token_hash text PRIMARY KEY,
       user_id integer NOT NULL REFERENCES ${s}.users (id) ON DELETE CASCADE,
       created_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL)`,
  ];
}

/** The switchable (non-unique) indexes and why each exists. */
export const OPTIONAL_INDEXES = [
  // A user's interactions; also makes ON DELETE CASCADE from users an index lookup.
  { name: 'interactions_user_id_idx', table: 'interactions', columns: 'user_id' },
  // GET /items/popular scans the last N days: the range column leads, and item_id rides
  // along so the aggregation can be an index-only scan.
  { name: 'interactions_created_at_item_id_idx', table: 'interactions', columns: 'created_at, item_id' },
  // A user's sessions (log out everywhere; cascade on user deletion).
  { name: 'sessions_user_id_idx', table: 'sessions', columns: 'user_id' },
] as const;

/** Create the schema and tables; `reset` drops everything in the schema first. */
export async function migrate(pool: Pool, schema: string, options: { reset: boolean; indexes: boolean }): Promise<void> {
  if (options.reset) await pool.query(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE`);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`);
  for (const ddl of tablesDdl(schema)) await pool.query(ddl);
  await setIndexes(pool, schema, options.indexes);
}

/** Create (on) or drop (off) the optional indexes; idempotent. */
export async function setIndexes(pool: Pool, schema: string, on: boolean): Promise<void> {
  const s = q(schema);
  for (const ix of OPTIONAL_INDEXES) {
    const sql = on
      ? `CREATE INDEX IF NOT EXISTS ${q(ix.name)} ON ${s}.${q(ix.table)} (${ix.columns})`
      : `DROP INDEX IF EXISTS ${s}.${q(ix.name)}`;
    await pool.query(sql);
  }
}

export const INTERACTIONS_USER_FK = 'interactions_user_id_fkey';

/** Drop (off) or restore (on) the interactions → users foreign key. Bulk loads drop it:
 * adding it back checks all rows in one join, far faster than a trigger per inserted row. */
export async function setInteractionsForeignKey(pool: Pool, schema: string, on: boolean): Promise<void> {
  const table = `${q(schema)}.interactions`;
  await pool.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${q(INTERACTIONS_USER_FK)}`);
  if (on) {
    await pool.query(
      `ALTER TABLE ${table} ADD CONSTRAINT ${q(INTERACTIONS_USER_FK)}
       FOREIGN KEY (user_id) REFERENCES ${q(schema)}.users (id) ON DELETE CASCADE`,
    );
  }
}

/** Names of all indexes in the schema, sorted (for checks and reports). */
export async function listIndexes(pool: Pool, schema: string): Promise<string[]> {
  const res = await pool.query<{ indexname: string }>(
    'SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY indexname',
    [schema],
  );
  return res.rows.map((r) => r.indexname);
}
