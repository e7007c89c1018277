// `stacksim explain` on every shipped model: every number finite (JSON.stringify would turn a
// NaN into null, so the object is walked), no "NaN" or "undefined" in the text; and the
// command itself: help with examples, --json, catalogue errors (exit 2) on bad input.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { registerExplain, renderExplanation } from '../../src/cli/commands/explain.js';
import { ModelErrors } from '../../src/model/errors.js';
import { explainModel } from '../../src/explain/index.js';
import { loadModel } from '../../src/run/load-model.js';

const root = join(import.meta.dirname, '../..');
const dir = join(root, 'models');
const models = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'prices.yaml');

/** Paths of every value that is not a finite number, a string, a boolean or null. */
function badValues(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => badValues(v, `${path}[${i}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badValues(v, `${path}.${k}`));
  return [`${path} is ${typeof value}`];
}

describe('explain on the shipped models', () => {
  for (const f of models) {
    it(`${f}: finite numbers, readable text`, () => {
      const e = explainModel(loadModel(join(dir, f)));
      expect(badValues(e)).toEqual([]);
      const text = renderExplanation(e, `models/${f}`);
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
      expect(text).toContain('bottleneck:');
      expect(e.resources.length + e.endpoints.length).toBeGreaterThan(0);
    });
  }
});

/** Run `stacksim explain …` in-process (a subprocess costs seconds): its output, or what it threw. */
async function run(...args: string[]): Promise<{ out: string; error: unknown }> {
  const program = new Command('stacksim').exitOverride().configureOutput({ writeOut: (t) => chunks.push(t), writeErr: (t) => chunks.push(t) });
  registerExplain(program);
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((t: string | Uint8Array) => chunks.push(String(t)) > 0);
  try {
    await program.parseAsync(['node', 'stacksim', 'explain', ...args]);
    return { out: chunks.join(''), error: null };
  } catch (error) {
    return { out: chunks.join(''), error };
  } finally {
    write.mockRestore();
  }
}

describe('stacksim explain', () => {
  it('--help carries examples', async () => {
    const r = await run('--help');
    expect((r.error as CommanderError).exitCode).toBe(0);
    expect(r.out).toContain('$ stacksim explain models/');
  });

  it('--json prints the Explanation; without it, the text report', async () => {
    const json = await run(join(dir, 'mmc.yaml'), '--json');
    const e = JSON.parse(json.out);
    expect(e.bottleneck.resource).toBe('q');
    expect(e.maxThroughput.requestsPerSecond).toBe(4);
    const text = await run(join(dir, 'mmc.yaml'));
    expect(text.out).toContain('bottleneck: q (station (fifo)) is the bottleneck at 90%');
  });

  it('a missing or broken model throws the catalogue errors the CLI turns into exit 2', async () => {
    const missing = await run(join(dir, 'nope.yaml'));
    expect(missing.error).toBeInstanceOf(ModelErrors);
    expect(String((missing.error as Error).message)).toContain('SIM_E_FILE_NOT_FOUND');
    const broken = await run(join(root, 'test/fixtures/broken-models/dangling-cache.yaml'));
    expect(String((broken.error as Error).message)).toContain('SIM_E_DANGLING_REF');
    const flag = await run(join(dir, 'mmc.yaml'), '--bogus');
    expect((flag.error as CommanderError).code).toBe('commander.unknownOption');
  });
});
