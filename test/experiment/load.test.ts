// Loading experiment files: a good file resolves its settings, strategies, axes and points;
// each broken fixture fails with exactly the catalogue text pinned here, pointing at the
// experiment's own line — an overlay or sweep value the model refuses included.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../src/experiment/index.js';
import { ModelErrors } from '../../src/model/errors.js';

const DIR = 'test/fixtures/experiments';

function errorText(file: string): string {
  try {
    loadExperiment(`${DIR}/broken/${file}`);
  } catch (err) {
    if (err instanceof ModelErrors) return err.message;
    throw err;
  }
  throw new Error(`${file} loaded without errors`);
}

describe('loadExperiment on a good file', () => {
  const exp = loadExperiment(`${DIR}/compare.yaml`);

  it('resolves settings, strategies, axes and points', () => {
    expect(exp.settings).toEqual({ seed: 7, replications: 3, duration: 20, warmup: 2 });
    expect(exp.baseline).toBe('baseline');
    expect(exp.strategies.map((s) => [s.name, s.check])).toEqual([['baseline', false], ['twin', false], ['fast', true]]);
    expect(exp.axes).toEqual([{ name: 'rate', label: 'rate', path: 'traffic.0.rate', unit: null, values: [50, 120] }]);
    expect(exp.points).toEqual([{ rate: 50 }, { rate: 120 }]);
    expect(exp.tenX).toEqual({ axis: 'rate', base: { rate: 10 }, tenX: { rate: 100 } });
    expect(exp.timeseries).toEqual([{ strategy: 'fast', point: { rate: 120 }, window: 2 }]);
    expect(exp.slos.map((s) => s.threshold)).toEqual([40, 0.01]);
    expect(exp.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes sweep values in the unit the model uses and overlays where told', () => {
    const m = exp.modelFor('fast', { rate: 120 }).model;
    expect(m.traffic[0]).toMatchObject({ rate: { constant: 120 } }); // written as "120/s", as the model writes 100/s
    const service = m.components.find((c) => c.name === 'q')!.config.service;
    expect(service).toEqual({ exponential: { mean: 0.005 } });
    expect(exp.modelFor('baseline', { rate: 50 }).model.components[0]!.config.service).toEqual({ exponential: { mean: 0.01 } });
  });

  it('applies command-line overrides over the file', () => {
    const quick = loadExperiment(`${DIR}/compare.yaml`, { overrides: { replications: 1, duration: 5, seed: 'x' }, checkAll: false });
    expect(quick.settings).toEqual({ seed: 'x', replications: 1, duration: 5, warmup: 2 });
    expect(quick.hash).toBe(exp.hash);
  });

  it('takes the model\'s run settings and the first strategy when the file does not say', () => {
    const plain = loadExperiment(`${DIR}/minimal.yaml`);
    expect(plain.settings).toEqual({ seed: 1, replications: 3, duration: 20, warmup: 2 });
    expect(plain.baseline).toBe('only');
    expect(plain.points).toEqual([{}]);
  });
});

describe('broken experiment files', () => {
  it('a bad SLO text', () => {
    expect(errorText('bad-slo.yaml')).toBe(`test/fixtures/experiments/broken/bad-slo.yaml:6:5 SIM_E_BAD_UNIT at slo[0]
  bad threshold in "p95 < 200"
  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d) after \`p95 <\`
  got: "p95 < 200"
  hint: write \`200ms\` or \`0.2s\`

test/fixtures/experiments/broken/bad-slo.yaml:7:5 SIM_E_INVALID_VALUE at slo[1]
  unknown SLO metric \`p59\`
  expected a metric among: p50, p95, p99, mean, errors, throughput
  got: "p59 < 200ms"
  hint: did you mean \`p50\`?

test/fixtures/experiments/broken/bad-slo.yaml:8:5 SIM_E_INVALID_VALUE at slo[2]
  expected an SLO such as "p95 < 200ms", "errors < 0.1%" or "throughput >= 500/s"
  got: "errors below 1%"
  hint: write a metric, a comparison (<, <=, >, >=) and a threshold

3 errors`);
  });

  it('an unknown strategy field', () => {
    expect(errorText('unknown-field.yaml')).toBe(`test/fixtures/experiments/broken/unknown-field.yaml:6:5 SIM_E_UNKNOWN_FIELD at strategies.faster.sett
  unknown field \`sett\`
  expected one of: description, model, set, check
  hint: did you mean \`set\`?`);
  });

  it('a sweep path that is not in the model', () => {
    expect(errorText('sweep-path.yaml')).toBe(`test/fixtures/experiments/broken/sweep-path.yaml:7:11 SIM_E_DANGLING_REF at sweep.users.path
  path \`traffic.0.users\` is not in the model test/fixtures/experiments/station.yaml: \`traffic[0]\` has no \`users\` (strategy \`baseline\`; a sweep can only replace a value the model writes out)
  expected at \`traffic[0]\`: one of: type, rate, mix`);
  });

  it('an overlay value of the wrong type, at the experiment line that sets it', () => {
    expect(errorText('overlay-type.yaml')).toBe(`test/fixtures/experiments/broken/overlay-type.yaml:8:29 SIM_E_INVALID_VALUE at strategies.more_servers.set["components.q.servers"]
  strategy \`more_servers\` sets components.q.servers in test/fixtures/experiments/station.yaml
  expected a whole number such as 500, 100k or 1M
  got: "many"`);
  });

  it('an overlay path whose parent is not in the model', () => {
    expect(errorText('overlay-path.yaml')).toBe(`test/fixtures/experiments/broken/overlay-path.yaml:7:7 SIM_E_DANGLING_REF at strategies.cached.set["components.qq.servers"]
  path \`components.qq.servers\` is not in the model test/fixtures/experiments/station.yaml: \`components\` has no \`qq\`
  expected at \`components\`: one of: q
  hint: did you mean \`q\`?`);
  });

  it('a sweep value the model refuses, at that value', () => {
    expect(errorText('sweep-value.yaml')).toBe(`test/fixtures/experiments/broken/sweep-value.yaml:8:17 SIM_E_INVALID_VALUE at sweep.servers.values[1]
  sweep axis \`servers\` = 0 sets components.q.servers in test/fixtures/experiments/station.yaml
  expected a whole number >= 1
  got: 0`);
  });

  it('names that refer to nothing', () => {
    expect(errorText('dangling.yaml')).toBe(`test/fixtures/experiments/broken/dangling.yaml:3:11 SIM_E_DANGLING_REF at baseline
  no strategy named \`base\`
  expected one of: baseline

test/fixtures/experiments/broken/dangling.yaml:10:16 SIM_E_DANGLING_REF at ten_x.axis
  no sweep axis named \`rates\`
  expected one of: rate
  hint: did you mean \`rate\`?

test/fixtures/experiments/broken/dangling.yaml:11:44 SIM_E_DANGLING_REF at timeseries.point.rat
  no sweep axis named \`rat\`
  expected one of: rate
  hint: did you mean \`rate\`?

3 errors`);
  });

  it('a model file that does not exist, at the experiment\'s model line', () => {
    expect(errorText('missing-model.yaml')).toBe(`test/fixtures/experiments/broken/missing-model.yaml:2:8 SIM_E_FILE_NOT_FOUND at model
  model file test/fixtures/experiments/statoin.yaml: no such file
  expected a model file, relative to the experiment file
  hint: did you mean \`test/fixtures/experiments/station.yaml\`?`);
  });

  it('a range that would expand to too many values', () => {
    expect(errorText('huge-range.yaml')).toBe(`test/fixtures/experiments/broken/huge-range.yaml:8:42 SIM_E_INVALID_VALUE at sweep.rate.values.step
  the range expands to 100000 values
  expected at most 1000 values
  got: 1
  hint: use a larger step`);
  });
});

describe('loadExperiment details', () => {
  it('takes an absolute model path as it is, and the 10x base from the first sweep value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stacksim-load-'));
    const file = join(dir, 'e.yaml');
    writeFileSync(file, [
      'name: abs',
      `model: ${resolve(DIR, 'station.yaml')}`,
      'strategies: { a: {} }',
      'sweep: { rate: { path: traffic.0.rate, values: [30, 60] } }',
      'ten_x: { axis: rate }',
    ].join('\n'));
    const exp = loadExperiment(file);
    expect(exp.tenX).toEqual({ axis: 'rate', base: { rate: 30 }, tenX: { rate: 300 } });
    expect(exp.strategies[0]!.document.file).toBe(resolve(DIR, 'station.yaml'));
  });
});
