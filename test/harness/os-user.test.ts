import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertReachable, ensurePostgresUser, type Runner } from '../../src/harness/os-user.js';

/** A fake shell: `users` maps names to [uid, gid]; useradd adds to it unless told to fail. */
function fakeShell(users: Map<string, [number, number]>, useraddFails: string | undefined) {
  const calls: string[] = [];
  const run: Runner = async (cmd, args) => {
    calls.push([cmd, ...args].join(' '));
    const name = args[args.length - 1]!;
    if (cmd === 'id') {
      const ids = users.get(name);
      if (!ids) throw Object.assign(new Error('no such user'), { stderr: `id: '${name}': no such user` });
      return `${args[0] === '-u' ? ids[0] : ids[1]}\n`;
    }
    if (useraddFails) throw Object.assign(new Error('failed'), { stderr: useraddFails });
    users.set(name, [999, 998]);
    return '';
  };
  return { run, calls };
}

describe('ensurePostgresUser', () => {
  it('does nothing when not root (Postgres runs as the current user)', async () => {
    const shell = fakeShell(new Map(), undefined);
    expect(await ensurePostgresUser(false, shell.run)).toBeUndefined();
    expect(shell.calls).toEqual([]);
  });

  it('returns the existing user ids as root', async () => {
    const shell = fakeShell(new Map([['postgres', [101, 104]]]), undefined);
    expect(await ensurePostgresUser(true, shell.run)).toEqual({ uid: 101, gid: 104 });
    expect(shell.calls.some((c) => c.startsWith('useradd'))).toBe(false);
  });

  it('creates a missing user with useradd as root', async () => {
    const shell = fakeShell(new Map(), undefined);
    expect(await ensurePostgresUser(true, shell.run)).toEqual({ uid: 999, gid: 998 });
    expect(shell.calls).toContain('useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres');
  });

  it('explains what to do when useradd fails', async () => {
    const shell = fakeShell(new Map(), 'useradd: cannot lock /etc/passwd');
    await expect(ensurePostgresUser(true, shell.run)).rejects.toThrow(
      /no 'postgres' OS user; creating one with useradd failed \(useradd: cannot lock \/etc\/passwd;.*DATABASE_URL/,
    );
  });
});

describe('assertReachable', () => {
  it('passes through searchable directories and names the one that is not', async () => {
    const top = await mkdtemp(join(tmpdir(), 'stacksim-reach-'));
    try {
      await mkdir(join(top, 'a'));
      const stranger = { uid: 54321, gid: 54321 }; // owns nothing here
      await chmod(top, 0o755);
      await expect(assertReachable(stranger, join(top, 'a', 'file'), 'thing')).resolves.toBeUndefined();
      await chmod(top, 0o700);
      await expect(assertReachable(stranger, join(top, 'a', 'file'), 'thing')).rejects.toThrow(
        `uid 54321), which cannot enter ${top} (mode 700`,
      );
    } finally {
      await rm(top, { recursive: true, force: true });
    }
  });
});
