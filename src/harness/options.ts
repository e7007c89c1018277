/**
 * The switches of the real system under test, in one options object.
 * A zod schema gives defaults and range checks; `optionsFromEnv` maps STACKSIM_* variables
 * (plus DATABASE_URL and REDIS_URL) onto the same object so the CLI and main.ts share it.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const systemOptionsSchema = z.object({
  /** HTTP port of the API; 0 picks a free port. */
  port: int(0, 65535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  /** Size of the pg.Pool: the number of database connections the API may hold. */
  poolSize: int(1, 1000).default(10),
  cache: z.object({
    enabled: z.boolean().default(true),
    /** TTL of cached users (GET /users/:id), in ms. */
    ttlMs: int(1, 86_400_000).default(60_000),
    /** TTL of the cached popular-items aggregation, in ms. */
    popularTtlMs: int(1, 86_400_000).default(10_000),
    /** In-process cache only: entries kept before the least recently used is evicted. */
    capacity: int(1, 10_000_000).default(10_000),
  }).prefault({}),
  /** false drops the non-unique indexes (the "index present or dropped" strategy). */
  indexes: z.boolean().default(true),
  /** scrypt cost: N = 2^logN, block size r, parallelism p. See passwords.ts for timings. */
  scrypt: z.object({
    logN: int(1, 20).default(12),
    r: int(1, 32).default(8),
    p: int(1, 16).default(1),
  }).prefault({}),
  seed: z.object({
    enabled: z.boolean().default(true),
    users: int(0, 100_000_000).default(100_000),
    interactions: int(0, 1_000_000_000).default(1_000_000),
    /** Items are drawn from 1..items with a skew towards low ids (a few hot items). */
    items: int(1, 100_000_000).default(10_000),
    /** Interactions are spread uniformly over the last `days` days. */
    days: int(1, 3650).default(30),
  }).prefault({}),
  sessionTtlSeconds: int(1, 31_536_000).default(86_400),
  /** Any PostgreSQL server; when absent an embedded one is started. */
  databaseUrl: z.string().min(1).optional(),
  /** When set, the cache and the sessions live in Redis instead of in-process / Postgres. */
  redisUrl: z.string().min(1).optional(),
  /** Postgres schema holding the tables; it is dropped and recreated when `reset` is true. */
  pgSchema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier').default('stacksim'),
  /** Drop and recreate the schema at start (false keeps existing tables and data). */
  reset: z.boolean().default(true),
  /** Embedded Postgres only: false turns off fsync/synchronous_commit (faster, not crash-safe). */
  durable: z.boolean().default(true),
  logLevel: z.enum(LOG_LEVELS).default('warn'),
  /** POST /interactions through a pg-boss task queue on the same Postgres (202 Accepted). */
  queue: z.object({
    enabled: z.boolean().default(false),
    /** Jobs the in-process worker runs at once: one pg-boss worker (batch of 1) each. */
    concurrency: int(1, 64).default(4),
    /** How often an idle worker polls; pg-boss allows no less than 500 ms. */
    pollingIntervalMs: int(500, 60_000).default(500),
    /** Wake an idle worker on each send, so a job need not wait for the next poll. */
    notify: z.boolean().default(true),
    /** Attempts after the first before a job is dead-lettered. */
    retryLimit: int(0, 20).default(2),
    /** pg-boss counts retry delays in whole seconds; with backoff it doubles, plus jitter. */
    retryDelaySeconds: int(0, 3600).default(1),
    retryBackoff: z.boolean().default(true),
    /** Postgres schema of pg-boss's tables; a second system on the same server needs its own. */
    pgSchema: z.string().regex(/^[a-z_][a-z0-9_]{0,49}$/, 'a lower-case SQL identifier of at most 50 characters').default('pgboss'),
  }).strict().prefault({}),
}).strict();

export type SystemOptions = z.output<typeof systemOptionsSchema>;
export type SystemOptionsInput = z.input<typeof systemOptionsSchema>;

/** Validate and complete options; an error names each bad option, its value and what is allowed. */
export function resolveOptions(input: SystemOptionsInput = {}): SystemOptions {
  const result = systemOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || '(options)';
    const value = valueAt(input, issue.path);
    const shown = value === undefined ? '' : ` = ${JSON.stringify(value)}`;
    return `option ${path}${shown}: ${issue.message}`;
  });
  throw new Error(`invalid system options:\n  ${lines.join('\n  ')}`);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

type Env = Record<string, string | undefined>;
type Kind = 'int' | 'bool' | 'string';

/** Environment variable → option path and how to read it. */
const ENV_MAP: ReadonlyArray<readonly [string, readonly string[], Kind]> = [
  ['STACKSIM_PORT', ['port'], 'int'],
  ['STACKSIM_HOST', ['host'], 'string'],
  ['STACKSIM_POOL_SIZE', ['poolSize'], 'int'],
  ['STACKSIM_CACHE', ['cache', 'enabled'], 'bool'],
  ['STACKSIM_CACHE_TTL_MS', ['cache', 'ttlMs'], 'int'],
  ['STACKSIM_POPULAR_TTL_MS', ['cache', 'popularTtlMs'], 'int'],
  ['STACKSIM_CACHE_CAPACITY', ['cache', 'capacity'], 'int'],
  ['STACKSIM_INDEXES', ['indexes'], 'bool'],
  ['STACKSIM_SCRYPT_LOG_N', ['scrypt', 'logN'], 'int'],
  ['STACKSIM_SCRYPT_R', ['scrypt', 'r'], 'int'],
  ['STACKSIM_SCRYPT_P', ['scrypt', 'p'], 'int'],
  ['STACKSIM_SEED', ['seed', 'enabled'], 'bool'],
  ['STACKSIM_SEED_USERS', ['seed', 'users'], 'int'],
  ['STACKSIM_SEED_INTERACTIONS', ['seed', 'interactions'], 'int'],
  ['STACKSIM_SEED_ITEMS', ['seed', 'items'], 'int'],
  ['STACKSIM_SEED_DAYS', ['seed', 'days'], 'int'],
  ['STACKSIM_SESSION_TTL_SECONDS', ['sessionTtlSeconds'], 'int'],
  ['DATABASE_URL', ['databaseUrl'], 'string'],
  ['REDIS_URL', ['redisUrl'], 'string'],
  ['STACKSIM_PG_SCHEMA', ['pgSchema'], 'string'],
  ['STACKSIM_RESET', ['reset'], 'bool'],
  ['STACKSIM_DURABLE', ['durable'], 'bool'],
  ['STACKSIM_LOG_LEVEL', ['logLevel'], 'string'],
  ['STACKSIM_QUEUE', ['queue', 'enabled'], 'bool'],
  ['STACKSIM_QUEUE_CONCURRENCY', ['queue', 'concurrency'], 'int'],
  ['STACKSIM_QUEUE_POLLING_MS', ['queue', 'pollingIntervalMs'], 'int'],
  ['STACKSIM_QUEUE_NOTIFY', ['queue', 'notify'], 'bool'],
  ['STACKSIM_QUEUE_RETRY_LIMIT', ['queue', 'retryLimit'], 'int'],
];

/** The options set by environment variables (unset or empty variables are left out). */
export function optionsFromEnv(env: Env = process.env): SystemOptionsInput {
  const out: Record<string, unknown> = {};
  for (const [name, path, kind] of ENV_MAP) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    setAt(out, path, parseEnvValue(name, raw.trim(), kind));
  }
  return out as SystemOptionsInput;
}

function parseEnvValue(name: string, raw: string, kind: Kind): unknown {
  if (kind === 'string') return raw;
  if (kind === 'int') {
    if (!/^-?\d+$/.test(raw)) throw new Error(`${name}=${JSON.stringify(raw)}: expected an integer`);
    return Number(raw);
  }
  const lower = raw.toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(lower)) return true;
  if (['0', 'false', 'off', 'no'].includes(lower)) return false;
  throw new Error(`${name}=${JSON.stringify(raw)}: expected on/off (also true/false, 1/0, yes/no)`);
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = root;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
