// `stacksim experiment` end to end through bin/stacksim.js: outputs written, overrides
// honoured, and the exit codes — 0 done, 1 --check failed, 2 bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'test/fixtures/experiments';

function stacksim(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/stacksim.js', 'experiment', ...args, '--no-report'], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('stacksim experiment', () => {
  it('writes results.json, results.csv and run-info.json and passes --check', () => {
    const out = mkdtempSync(join(tmpdir(), 'stacksim-exp-'));
    const r = stacksim(`${DIR}/compare.yaml`, '--out', out, '--replications', '1', '--duration', '5s', '--workers', '2', '--check');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('check: fast: meets every SLO');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.experiment).toMatchObject({ replications: 1, duration: 5 });
    expect(results.rows).toHaveLength(6);
    expect(readFileSync(join(out, 'results.csv'), 'utf8').split('\r\n')).toHaveLength(8);
    const info = JSON.parse(readFileSync(join(out, 'run-info.json'), 'utf8'));
    // 3 strategies × (2 sweep points + 2 points of the 10x check) × 1 replication, and 1 time-series run
    expect(info).toMatchObject({ experiment: 'compare', workers: 2, scenarios: 13 });
    expect(info.wallSeconds).toBeGreaterThan(0);
  });

  it('exits 1 when a checked strategy misses an SLO', () => {
    const out = mkdtempSync(join(tmpdir(), 'stacksim-exp-'));
    const r = stacksim(`${DIR}/check-fail.yaml`, '--out', out, '--check', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^check: hopeful: fails p95 < 1ms\n$/);
    expect(existsSync(join(out, 'results.json'))).toBe(true);
  });

  it('exits 2 with the catalogue error for a bad file', () => {
    const r = stacksim(`${DIR}/broken/overlay-type.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('overlay-type.yaml:8:29 SIM_E_INVALID_VALUE at strategies.more_servers.set["components.q.servers"]');
  });

  it('exits 2 for a bad flag, naming it', () => {
    const r = stacksim(`${DIR}/compare.yaml`, '--workers', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--workers: expected a whole number >= 1, got "0"\n');
  });
});
