/**
 * Login sessions: a random bearer token handed to the client, stored server-side as its
 * SHA-256 (a leaked sessions table then grants nothing). In Postgres by default (`sessions`
 * table), in Redis when REDIS_URL is set; Redis round trips are charged to `cache`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import type { KeyValueClient } from './redis-store.js';
import type { RequestTiming } from './timing.js';

export interface SessionStore {
  readonly kind: 'postgres' | 'redis';
  /** Store a session for `userId`; returns the bearer token. */
  create(t: RequestTiming, userId: number): Promise<string>;
  /** The user a token belongs to, or undefined when unknown or expired. */
  lookup(t: RequestTiming, token: string): Promise<number | undefined>;
}

/** 32 random bytes, base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function newToken(t: RequestTiming): { token: string; digest: string } {
  return t.cpuWork(() => {
    const token = randomBytes(32).toString('base64url');
    return { token, digest: tokenDigest(token) };
  });
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class PgSessionStore implements SessionStore {
  readonly kind = 'postgres';

  constructor(
    private readonly db: Db,
    private readonly ttlSeconds: number,
  ) {}

  async create(t: RequestTiming, userId: number): Promise<string> {
    const { token, digest } = newToken(t);
    await this.db.query(
      t,
      `INSERT INTO sessions (token_hash, user_id, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [digest, userId, this.ttlSeconds],
    );
    return token;
  }

  async lookup(t: RequestTiming, token: string): Promise<number | undefined> {
    const digest = t.cpuWork(() => tokenDigest(token));
    const res = await this.db.query<{ user_id: number }>(
      t,
      'SELECT user_id FROM sessions WHERE token_hash = $1 AND expires_at > now()',
      [digest],
    );
    return res.rows[0]?.user_id;
  }
}

export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis';

  constructor(
    private readonly client: KeyValueClient,
    private readonly ttlSeconds: number,
    private readonly prefix = 'stacksim:session:',
  ) {}

  async create(t: RequestTiming, userId: number): Promise<string> {
    const { token, digest } = newToken(t);
    const expiration = { type: 'PX' as const, value: this.ttlSeconds * 1000 };
    await t.wait('cache', () => this.client.set(this.prefix + digest, String(userId), { expiration }));
    return token;
  }

  async lookup(t: RequestTiming, token: string): Promise<number | undefined> {
    const digest = t.cpuWork(() => tokenDigest(token));
    const value = await t.wait('cache', () => this.client.get(this.prefix + digest));
    return value === null ? undefined : Number(value);
  }
}
