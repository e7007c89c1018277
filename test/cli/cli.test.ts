// The command line as a user meets it: help with examples, exit codes, no stack traces for
// a user's mistake, and deterministic JSON.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin/stacksim.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('stacksim CLI', () => {
  it('--help lists commands with examples', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/run \[options\] <model>/);
  });

  it('run --help carries examples', () => {
    const r = cli('run', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ stacksim run models/');
  });

  it('a broken model exits 2 with file:line and no stack trace', () => {
    const r = cli('run', 'test/fixtures/broken-models/dangling-cache.yaml');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('dangling-cache.yaml:9:27 SIM_E_DANGLING_REF');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file and a bad flag exit 2 with a clear message', () => {
    const missing = cli('run', 'models/nope.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('SIM_E_FILE_NOT_FOUND');
    const flag = cli('run', 'models/mmc.yaml', '--duration', '10');
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--duration: expected a duration');
    expect(cli('run', 'models/mmc.yaml', '--bogus').status).toBe(2);
  });

  it('run --json is deterministic and documented', () => {
    const a = cli('run', 'models/mmc.yaml', '--duration', '10m', '--warmup', '1m', '--json');
    const b = cli('run', 'models/mmc.yaml', '--duration', '10m', '--warmup', '1m', '--json');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const s = JSON.parse(a.stdout);
    expect(s.endpoints[0].name).toBe('job');
    expect(s.simulated).toEqual({ warmup: 60, duration: 600 });
    expect(s.seed).toBe(1);
  });
});
