/**
 * Redis-backed cache and session store, used when REDIS_URL is set. One client serves both.
 * The `redis` package is imported lazily so the default (in-process) setup never loads it.
 */
import type { Cache } from './cache.js';

/** The few commands we use; the client's own generic types are far wider than we need. */
export interface KeyValueClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  del(key: string): Promise<number>;
  close(): Promise<void>;
}

/** Connect to Redis; errors name the URL (without credentials) and the cause. */
export async function connectRedis(url: string): Promise<KeyValueClient> {
  const { createClient } = await import('redis');
  let connected = false;
  // Fail fast when Redis is not there at start; once connected, ride out short outages.
  const reconnectStrategy = (retries: number, cause: Error) => (connected ? Math.min(50 * retries, 1000) : cause);
  const client = createClient({ url, socket: { reconnectStrategy } });
  let lastError: unknown;
  // Without an 'error' listener the client would crash the process on a dropped connection.
  client.on('error', (err: unknown) => {
    lastError = err;
  });
  try {
    await client.connect();
    connected = true;
  } catch (err) {
    throw new Error(`cannot connect to Redis at ${redactUrl(url)}: ${String(lastError ?? err)}`);
  }
  return client as unknown as KeyValueClient;
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

export class RedisCache implements Cache {
  readonly kind = 'redis';

  constructor(
    private readonly client: KeyValueClient,
    private readonly prefix = 'stacksim:cache:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(this.prefix + key, value, { expiration: { type: 'PX', value: ttlMs } });
  }

  async delete(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }

  /** The client is shared with the session store; system.ts closes it once. */
  async close(): Promise<void> {}
}
