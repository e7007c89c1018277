// `stacksim plan` as a user meets it: help with examples, bad input refused with a message
// naming the flag (a UsageError: exit 2), --check setting exit code 1 when nothing meets the
// SLOs, JSON output. In-process, since starting the whole CLI costs seconds (exit-code.test.ts
// runs the real command once).
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerPlan } from '../../src/cli/commands/plan.js';
import { UsageError } from '../../src/cli/errors.js';

const model = 'test/plan/fixtures/mmc.yaml';

async function plan(...args: string[]): Promise<{ out: string; error: unknown }> {
  const program = new Command('stacksim').exitOverride();
  registerPlan(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  try {
    await program.parseAsync(['node', 'stacksim', 'plan', ...args]);
    return { out, error: null };
  } catch (error) {
    return { out, error };
  } finally {
    spy.mockRestore();
  }
}

describe('stacksim plan', () => {
  const exitListeners = process.listeners('exit');
  afterEach(() => {
    process.exitCode = undefined;
    for (const l of process.listeners('exit')) if (!exitListeners.includes(l)) process.removeListener('exit', l);
  });

  it('--help explains --load and --users, with examples', async () => {
    const { out } = await plan('--help');
    expect(out).toContain('Examples:');
    expect(out).toContain('$ stacksim plan models/');
    expect(out).toMatch(/--load <rate>[\s\S]*--users <n>/);
    expect(out).toContain('Exit codes: 0 done (and --check passed), 1 --check found no configuration, 2 bad input.');
  });

  it.each([
    [['--knobs', 'instances'], '--knobs: the model has no `instances` knob; this model\'s knobs are q.servers'],
    [['--knobs', 'q.server'], '--knobs: unknown knob "q.server"'],
    [['--slo', 'p95 < fast'], '--slo: bad threshold in "p95 < fast": expected a duration such as 250ms'],
    [['--slo', 'latency is low'], '--slo: expected an SLO such as "p95 < 200ms"'],
    [['--slo', 'p59 < 1s'], 'unknown SLO metric `p59`'],
    [['--load', '20000'], '--load: expected a rate such as 2000/s, 120/min or 2k/s (per ms, s, m, h or d), got "20000"\n  hint: write `20000/s`'],
    [['--load', '0/s'], '--load: expected a rate > 0 such as 2000/s, got "0/s"'],
    [['--load', '20/s', '--users', '5'], '--load and --users: give one'],
    [['--users', '50'], '--users sets a closed-loop population, but the model has no closed_loop source'],
    [['--max-evaluations', '0'], '--max-evaluations: expected a whole number >= 1, got "0"'],
    [['--max-utilisation', '120%'], '--max-utilisation: expected a fraction in (0, 1]'],
  ])('refuses %j as bad input', async (args, message) => {
    const { error } = await plan(model, ...args);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(message);
  });

  it('--check sets exit code 1 when no configuration can meet the SLOs', async () => {
    // exponential service of mean 100ms alone has a p95 of 300ms
    const { out, error } = await plan(model, '--load', '40/s', '--slo', 'p95 < 200ms', '--duration', '20s', '--replications', '1', '--check', '-q');
    expect(error).toBeNull();
    expect(out).toContain('no configuration found that meets the SLOs');
    expect(process.exitCode).toBe(1);
  });

  it('--json prints the PlanResult', async () => {
    const { out } = await plan(model, '--load', '40/s', '--slo', 'p95 < 370ms', '--duration', '100s', '--replications', '2', '--json');
    const result = JSON.parse(out);
    expect(result.plan.config).toEqual({ 'q.servers': 6 });
    expect(result.search.bruteForceSimulations).toBe(result.search.gridSize * 2);
    expect(process.exitCode).toBeUndefined();
  });
});
