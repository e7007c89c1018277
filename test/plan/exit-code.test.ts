// The real `stacksim plan` process: a user's mistake ends with exit code 2 and a message,
// never a stack trace. (One spawn only: starting the CLI costs seconds.)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('stacksim plan exit codes', () => {
  it('exits 2 on an unknown knob', { timeout: 60_000 }, () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/stacksim.js'), 'plan', 'test/plan/fixtures/mmc.yaml', '--knobs', 'nope'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--knobs: unknown knob "nope"; this model\'s knobs are q.servers');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
