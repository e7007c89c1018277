/**
 * `stacksim validate --quick` end to end: embedded Postgres, the API in its own process,
 * calibration, every configuration's levels on the real system, the calibrated models
 * simulated at the same levels, and the files written. It needs no server started by hand.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIGS } from '../../../src/harness/validate/configs.js';
import { MEASUREMENTS_FILE, QUICK, predictAgain, runValidation, type ValidationResult } from '../../../src/harness/validate/index.js';
import { loadModel } from '../../../src/run/load-model.js';

const out = mkdtempSync(join(tmpdir(), 'stacksim-validate-'));
let result: ValidationResult;

beforeAll(async () => {
  result = await runValidation({ plan: QUICK, outDir: out });
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('stacksim validate --quick', () => {
  it('writes validation.json, the report and one calibrated model per configuration', () => {
    for (const f of ['validation.json', MEASUREMENTS_FILE, 'report.html', ...CONFIGS.map((c) => `model-${c.name}.yaml`)]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(out, 'validation.json'), 'utf8')) as ValidationResult;
    expect(json.kind).toBe('stacksim-validation');
    expect(json.machine.cpuCount).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('vegaEmbed');
  });

  it('writes models that load', () => {
    for (const c of CONFIGS) expect(loadModel(join(out, `model-${c.name}.yaml`)).model.name).toBe(`validate-${c.name}`);
  });

  it('measures and predicts every level of every configuration', () => {
    expect(result.configurations.map((c) => c.name)).toEqual(CONFIGS.map((c) => c.name));
    for (const c of result.configurations) {
      const levels = c.workload.kind === 'open' ? QUICK.levels : QUICK.userLevels;
      expect(c.levels, c.name).toHaveLength(levels.length);
      for (const l of c.levels) {
        expect(l.measured.throughput, c.name).toBeGreaterThan(0);
        expect(l.predicted.throughput, c.name).toBeGreaterThan(0);
      }
      expect(c.saturation.predicted, c.name).toBeGreaterThan(0);
    }
  });

  it('predicts the throughput of the lightest level within 20 %', () => {
    for (const c of result.configurations) {
      const light = c.levels[0]!;
      expect(Math.abs(light.errors.throughput!), `${c.name}: measured ${light.measured.throughput}, predicted ${light.predicted.throughput}`).toBeLessThanOrEqual(0.2);
    }
  });

  it('lets the hit ratio emerge in the model of the cache configuration', () => {
    const cache = result.configurations.find((c) => c.name === 'cache-on')!;
    for (const l of cache.levels) {
      expect(l.measured.hitRatio).toBeGreaterThan(0);
      expect(l.predicted.hitRatio).toBeGreaterThan(0);
      expect(l.predicted.hitRatio).toBeLessThan(1);
    }
  });

  it('predicts again from the saved measurements exactly what the run predicted (the model is deterministic)', async () => {
    const again = await predictAgain(out);
    expect(again.configurations).toEqual(result.configurations);
    expect(again.summary).toEqual(result.summary);
  });
});
