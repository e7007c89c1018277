/** The traffic section: open-loop profiles, closed-loop users, trace replay, key spaces. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlText, traffic, validateDocument } from '../../../src/model/index.js';

const schema = z.strictObject({ traffic: traffic() });

function run(yaml: string) {
  const loaded = parseYamlText(yaml, 'm.yaml');
  if (!loaded.ok) throw loaded.errors;
  return validateDocument(schema, loaded.value);
}

function sources(yaml: string) {
  const r = run(yaml);
  if (!r.ok) throw r.errors;
  return r.value.traffic;
}

function errors(yaml: string): string {
  const r = run(yaml);
  if (r.ok) throw new Error('expected errors');
  return r.errors.message;
}

const open = (rate: string, extra = '') => `traffic:\n  - type: open_loop\n    rate: ${rate}\n    mix: { get_user: 1 }\n${extra}`;

describe('open loop', () => {
  it('takes a constant rate, an endpoint mix and key spaces', () => {
    const [s] = sources(open('2000/s', '    keys: { user: { zipf: { s: 1.1, n: 1M } }, item: { uniform: { n: 50k } } }\n'));
    expect(s).toEqual({
      type: 'open_loop',
      rate: { constant: 2000 },
      poisson: true,
      mix: { get_user: 1 },
      keys: { user: { zipf: { s: 1.1, n: 1e6 } }, item: { uniform_int: { min: 1, max: 50_000 } } },
    });
  });

  it.each([
    ['{ constant: 5/s }', { constant: 5 }],
    ['{ ramp: { from: 100/s, to: 2k/s, over: 5m } }', { ramp: { from: 100, to: 2000, over: 300, start: 0 } }],
    ['{ ramp: { from: 0, to: 1k/s, over: 1m, start: 30s } }', { ramp: { from: 0, to: 1000, over: 60, start: 30 } }],
    ['{ spike: { base: 100/s, peak: 5k/s, at: 10m, for: 30s } }', { spike: { base: 100, peak: 5000, at: 600, for: 30 } }],
    ['{ diurnal: { mean: 1k/s, amplitude: 50%, peak_at: 14h } }', { diurnal: { mean: 1000, amplitude: 0.5, period: 86400, peak_at: 50400 } }],
    ['{ steps: [ { at: 0s, rate: 10/s }, { at: 1m, rate: 100/s } ] }', { steps: [{ at: 0, rate: 10 }, { at: 60, rate: 100 }] }],
  ])('rate profile %s', (yaml, expected) => {
    expect(sources(open(yaml))[0]).toMatchObject({ rate: expected });
  });

  it('mixes may use percentages and evenly spaced arrivals', () => {
    const [s] = sources('traffic:\n  - type: open_loop\n    rate: 10/s\n    poisson: false\n    mix: { a: 80%, b: 20% }\n');
    expect(s).toMatchObject({ poisson: false, mix: { a: 0.8, b: 0.2 } });
  });

  it('reports profile mistakes at the right place', () => {
    expect(errors(open('{ rampp: { from: 1/s } }'))).toBe([
      'm.yaml:3:13 SIM_E_UNKNOWN_KIND at traffic[0].rate.rampp',
      '  unknown rate profile `rampp`',
      '  expected one of: constant, ramp, spike, diurnal, steps',
      '  hint: did you mean `ramp`?',
    ].join('\n'));
    expect(errors(open('{ steps: [ { at: 1s, rate: 10/s }, { at: 0s, rate: 5/s } ] }'))).toBe([
      'm.yaml:3:28 SIM_E_INVALID_VALUE at traffic[0].rate.steps[0].at',
      '  the first step sets the rate from the start',
      '  expected 0s',
      '  got: "1s"',
      '  hint: add a first step `{ at: 0s, rate: … }`',
      '',
      'm.yaml:3:52 SIM_E_INVALID_VALUE at traffic[0].rate.steps[1].at',
      '  steps must be in time order',
      '  expected a time after step 0',
      '  got: "0s"',
      '',
      '2 errors',
    ].join('\n'));
    expect(errors(open('{ diurnal: { mean: 1k/s, amplitude: 2, peak_at: 14h } }'))).toMatch(
      /^m\.yaml:3:47 SIM_E_INVALID_VALUE at traffic\[0\]\.rate\.diurnal\.amplitude\n/,
    );
  });

  it('needs a weight above zero somewhere in the mix', () => {
    expect(errors('traffic:\n  - type: open_loop\n    rate: 1/s\n    mix: { a: 0, b: 0 }\n')).toBe([
      'm.yaml:4:10 SIM_E_INVALID_VALUE at traffic[0].mix',
      '  every weight is 0',
      '  expected at least one endpoint with a weight > 0',
      '  got: a mapping with keys: a, b',
    ].join('\n'));
  });

  it('explains a key space written without its name', () => {
    expect(errors(open('1/s', '    keys: { zipf: { s: 1, n: 10 } }\n'))).toBe([
      'm.yaml:5:13 SIM_E_INVALID_VALUE at traffic[0].keys.zipf',
      '  `zipf` is a distribution, not a key space name',
      '  got: "zipf"',
      '  hint: name the key space first: `keys: { user: { zipf: … } }`',
    ].join('\n'));
  });
});

describe('closed loop', () => {
  it('Locust-style users with wait times in three forms', () => {
    const out = sources([
      'traffic:',
      '  - { type: closed_loop, users: 500, spawn_rate: 50/s, wait_time: "between(1s, 3s)", tasks: { browse: 5, update: 1 }, on_start: login }',
      '  - { type: closed_loop, users: 1k, wait_time: { constant: 1s }, tasks: { browse: 1 } }',
      '  - { type: closed_loop, users: 1, wait_time: { exponential: { mean: 2s } }, tasks: { browse: 1 } }',
    ].join('\n'));
    expect(out).toEqual([
      { type: 'closed_loop', users: 500, spawn_rate: 50, wait_time: { uniform: { min: 1, max: 3 } }, tasks: { browse: 5, update: 1 }, on_start: 'login' },
      { type: 'closed_loop', users: 1000, wait_time: { constant: { value: 1 } }, tasks: { browse: 1 } },
      { type: 'closed_loop', users: 1, wait_time: { exponential: { mean: 2 } }, tasks: { browse: 1 } },
    ]);
  });

  it('reports wait-time mistakes helpfully', () => {
    const user = (wait: string) => `traffic:\n  - type: closed_loop\n    users: 1\n    tasks: { a: 1 }\n    wait_time: ${wait}\n`;
    expect(errors(user('2s'))).toBe([
      'm.yaml:5:16 SIM_E_INVALID_VALUE at traffic[0].wait_time',
      '  expected between(1s, 3s), or a distribution such as { exponential: { mean: 2s } }',
      '  got: "2s"',
      '  hint: for a fixed pause write `{ constant: 2s }`',
    ].join('\n'));
    expect(errors(user('between(1, 3s)'))).toBe([
      'm.yaml:5:16 SIM_E_BAD_UNIT at traffic[0].wait_time',
      '  in between(…): a bare number has no unit',
      '  expected a duration such as 250ms, 2s or 5m (units: ns, us, ms, s, m, h, d)',
      '  got: "1"',
      '  hint: write `1ms` or `0.001s`',
    ].join('\n'));
    expect(errors(user('between(3s, 1s)'))).toMatch(/ {2}between\(min, max\) needs min <= max\n/);
    expect(errors('traffic:\n  - { type: closed_loop, users: 1, tasks: { a: 1 }, wait_time: between(1s, 3s) }\n')).toMatch(
      /got: "between\(1s"\n {2}hint: inside \{ … \} quote it: "between\(1s, 3s\)"\n/,
    );
    expect(errors(user('{ exponential: { mean: -1s } }'))).toMatch(/SIM_E_BAD_DISTRIBUTION at traffic\[0\]\.wait_time\.exponential\.mean\n/);
  });
});

describe('trace replay', () => {
  it('defaults columns, unit and scale; infers the format from the extension', () => {
    expect(sources('traffic:\n  - type: trace\n    file: traces/prod.jsonl\n')[0]).toEqual({
      type: 'trace', file: 'traces/prod.jsonl', columns: { timestamp: 'timestamp', endpoint: 'endpoint' }, time_unit: 's', time_scale: 1,
    });
    expect(sources('traffic:\n  - { type: trace, file: t.log, format: csv, columns: { timestamp: ts, key: user_id }, time_unit: ms, time_scale: 0.5 }\n')[0])
      .toMatchObject({ format: 'csv', columns: { timestamp: 'ts', endpoint: 'endpoint', key: 'user_id' }, time_unit: 'ms', time_scale: 0.5 });
  });

  it('asks for a format it cannot infer', () => {
    expect(errors('traffic:\n  - type: trace\n    file: t.log\n')).toBe([
      'm.yaml:3:11 SIM_E_INVALID_VALUE at traffic[0].file',
      '  cannot tell the format of `t.log` from its extension',
      '  got: "t.log"',
      '  hint: add `format: csv` or `format: jsonl`',
    ].join('\n'));
  });
});

describe('the section', () => {
  it('names an unknown source type, and needs at least one source', () => {
    expect(errors('traffic:\n  - type: open_lop\n')).toBe(
      'm.yaml:2:11 SIM_E_UNKNOWN_KIND at traffic[0].type\n  unknown type `open_lop`\n  expected one of: open_loop, closed_loop, trace\n  hint: did you mean `open_loop`?',
    );
    expect(errors('traffic: []\n')).toBe('m.yaml:1:10 SIM_E_INVALID_VALUE at traffic\n  expected at least 1 item\n  got: an empty list');
  });

  it('keeps fields of one source type out of another', () => {
    expect(errors('traffic:\n  - type: open_loop\n    rate: 1/s\n    mix: { a: 1 }\n    users: 10\n')).toBe([
      'm.yaml:5:5 SIM_E_UNKNOWN_FIELD at traffic[0].users',
      '  unknown field `users`',
      '  expected one of: type, name, keys, client, rate, poisson, mix',
    ].join('\n'));
  });
});
