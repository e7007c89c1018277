// Trace replay from the CSV and JSONL fixtures: times scaled exactly, columns mapped,
// keys taken or hashed, the run's end respected, and every kind of bad file reported at
// file:line:col through the error catalogue.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ModelErrors } from '../../src/model/errors.js';
import type { TraceSource } from '../../src/model/schema/traffic.js';
import { buildSource, hashKey, keyOf, offeredLoad, parseTrace, TraceGenerator } from '../../src/workload/index.js';
import { world } from './world.js';

const dir = fileURLToPath(new URL('../fixtures/traces', import.meta.url));
const endpoints = ['get_user', 'update_user', 'login'];

function trace(fields: Partial<TraceSource> & { file: string }): TraceSource {
  return { type: 'trace', columns: { timestamp: 'timestamp', endpoint: 'endpoint' }, time_unit: 's', time_scale: 1, ...fields };
}

function replay(config: TraceSource, until = 100, keySpaces?: { name: string; spec: null | { uniform_int: { min: number; max: number } } }[]) {
  const w = world({ until, modelDir: dir, endpoints, ...(keySpaces && { keySpaces }) });
  const gen = buildSource(config, w.env('replay'));
  gen.start();
  w.sim.run();
  return { w, gen };
}

function errorOf(fn: () => unknown): ModelErrors {
  try {
    fn();
  } catch (err) {
    if (err instanceof ModelErrors) return err;
    throw err;
  }
  throw new Error('expected ModelErrors');
}

describe('CSV replay', () => {
  const config = trace({ file: 'small.csv', columns: { timestamp: 'timestamp', endpoint: 'endpoint', key: 'user' }, time_unit: 'ms', time_scale: 0.5 });
  it('sends each row at half its recorded time with time_scale 0.5', () => {
    const { w } = replay(config);
    expect(w.arrivals.map((a) => a.t)).toEqual([0, 0.05, 0.125, 0.125, 0.5, 0.8]);
    expect(w.arrivals.map((a) => endpoints[a.endpoint])).toEqual(['get_user', 'get_user', 'update_user', 'get_user', 'login', 'get_user']);
  });
  it('puts the key column in the first key space, and draws it where the cell is empty', () => {
    const { w } = replay(config, 100, [{ name: 'user', spec: { uniform_int: { min: 1000, max: 2000 } } }, { name: 'item', spec: null }]);
    const users = w.arrivals.map((a) => a.keys[0]!);
    expect([users[0], users[1], users[2], users[4], users[5]]).toEqual([17, 4, 17, 99, 5]);
    expect(users[3]! >= 1000 && users[3]! <= 2000).toBe(true);
    expect(w.arrivals.every((a) => a.keys[1] === 0)).toBe(true);
  });
  it("fills the source's own first key space when it has keys", () => {
    const own = { ...config, keys: { item: { uniform_int: { min: 1, max: 3 } } } };
    const { gen, w } = replay(own, 100, [{ name: 'user', spec: { uniform_int: { min: 1000, max: 2000 } } }, { name: 'item', spec: null }]);
    expect((gen as TraceGenerator).keySpace).toBe(1);
    expect(w.arrivals[0]!.keys[1]).toBe(17);
    expect(w.arrivals[0]!.keys[0]! >= 1000).toBe(true);
  });
  it('stops at until', () => {
    const { w, gen } = replay(config, 0.5);
    expect(w.arrivals).toHaveLength(4);
    expect(gen.offered(0.5)).toEqual({ type: 'trace', requests: 4, meanRate: 8, mix: { get_user: 0.75, update_user: 0.25 } });
  });
  it('replays wall-clock stamps from the first one', () => {
    const { w } = replay(trace({ file: 'epoch.csv', columns: { timestamp: 'ts', endpoint: 'endpoint' } }));
    expect(w.arrivals.map((a) => a.t)).toEqual([0, 0.5, 2.75]);
  });
});

describe('JSONL replay', () => {
  const config = trace({ file: 'small.jsonl', columns: { timestamp: 't', endpoint: 'route', key: 'uid' }, time_unit: 'ms', time_scale: 0.5 });
  it('sends each line at half its recorded time, fields named by columns', () => {
    const { w } = replay(config);
    expect(w.arrivals.map((a) => a.t)).toEqual([0, 0.02, 0.02, 0.45, 1]);
    expect(w.arrivals.map((a) => endpoints[a.endpoint])).toEqual(['login', 'get_user', 'get_user', 'update_user', 'get_user']);
  });
  it('hashes text keys (equal texts share a key) and keeps whole numbers', () => {
    const { w } = replay(config, 100, [{ name: 'user', spec: { uniform_int: { min: 1, max: 1 } } }]);
    const keys = w.arrivals.map((a) => a.keys[0]);
    expect(keys).toEqual([hashKey('alice@example.com'), hashKey('alice@example.com'), 42, 1, hashKey('bob@example.com')]);
  });
});

describe('keys', () => {
  it('uses whole numbers below 2^32 as they are and hashes everything else with FNV-1a', () => {
    expect(keyOf('123')).toBe(123);
    expect(keyOf(4294967295)).toBe(4294967295);
    expect(keyOf(4294967296)).toBe(hashKey('4294967296'));
    expect(keyOf('')).toBe(-1);
    expect(keyOf(null)).toBe(-1);
    // FNV-1a 32-bit reference values
    expect(hashKey('')).toBe(0x811c9dc5);
    expect(hashKey('a')).toBe(0xe40c292c);
    expect(hashKey('foobar')).toBe(0xbf9cf968);
  });
});

describe('bad traces', () => {
  it('names the file, line and column of an unknown endpoint, with a suggestion', () => {
    const err = errorOf(() => buildSource(trace({ file: 'bad-endpoint.csv' }), world({ modelDir: dir, endpoints }).env('bad')));
    expect(err.errors.map((e) => [e.line, e.col, e.code])).toEqual([[4, 3, 'SIM_E_DANGLING_REF'], [6, 3, 'SIM_E_DANGLING_REF']]);
    expect(err.message).toContain('bad-endpoint.csv:4:3 SIM_E_DANGLING_REF at endpoint\n  no endpoint named `get_usr`\n  expected one of: get_user, update_user, login\n  hint: did you mean `get_user`?');
    expect(err.message).toContain('bad-endpoint.csv:6:3');
  });
  it('refuses timestamps that go back in time', () => {
    const err = errorOf(() => buildSource(trace({ file: 'unsorted.csv' }), world({ modelDir: dir, endpoints }).env('bad')));
    expect(err.message).toContain('unsorted.csv:4:1 SIM_E_INVALID_VALUE at timestamp\n  timestamps must not decrease: 1700000000.9 comes after 1700000001 on line 3\n  hint: sort the file by its timestamp column');
  });
  it('says which header column is missing', () => {
    const err = errorOf(() => buildSource(trace({ file: 'epoch.csv' }), world({ modelDir: dir, endpoints }).env('bad')));
    expect(err.message).toContain("epoch.csv:1:1 SIM_E_MISSING_FIELD at timestamp\n  the header has no `timestamp` column (for the timestamp)\n  expected one of the header's columns: ts, endpoint");
  });
  it('reports a missing file relative to the model', () => {
    const err = errorOf(() => buildSource(trace({ file: 'nope.csv' }), world({ modelDir: dir, endpoints }).env('bad')));
    expect(err.errors[0]!.code).toBe('SIM_E_FILE_NOT_FOUND');
    expect(err.message).toContain('nope.csv');
  });
  it('reports bad JSON, non-objects, missing fields and bad timestamps by line', () => {
    const text = '{"timestamp": 0, "endpoint": "login"}\n{oops}\n[1, 2]\n{"endpoint": "login"}\n{"timestamp": "soon", "endpoint": "login"}\n';
    const err = errorOf(() => parseTrace(text, 'x.jsonl', { format: 'jsonl', columns: { timestamp: 'timestamp', endpoint: 'endpoint' }, time_unit: 's', time_scale: 1 }, endpoints));
    expect(err.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'SIM_E_INVALID_VALUE'], [3, 'SIM_E_INVALID_TYPE'], [4, 'SIM_E_MISSING_FIELD'], [5, 'SIM_E_INVALID_VALUE'],
    ]);
    expect(err.errors[3]!.message).toContain('expected a number of s\n  got: "soon"');
  });
  it('reports an unclosed quote and an empty trace', () => {
    const opts = { format: 'csv', columns: { timestamp: 'timestamp', endpoint: 'endpoint' }, time_unit: 's', time_scale: 1 } as const;
    expect(errorOf(() => parseTrace('timestamp,endpoint\n0,"login\n', 'q.csv', opts, endpoints)).message).toContain('q.csv:2:3 SIM_E_INVALID_VALUE\n  a quoted field is not closed on this line');
    expect(errorOf(() => parseTrace('timestamp,endpoint\n', 'e.csv', opts, endpoints)).message).toBe('e.csv SIM_E_INVALID_VALUE\n  the trace holds no requests');
  });
  it('stops after MAX_ERRORS problems', () => {
    const text = 'timestamp,endpoint\n' + Array.from({ length: 50 }, (_, i) => `${i},nope`).join('\n');
    const opts = { format: 'csv', columns: { timestamp: 'timestamp', endpoint: 'endpoint' }, time_unit: 's', time_scale: 1 } as const;
    expect(errorOf(() => parseTrace(text, 'm.csv', opts, endpoints)).errors).toHaveLength(10);
  });
});

describe('offeredLoad for a trace', () => {
  it('reads the file and counts requests within the duration', () => {
    const load = offeredLoad(trace({ file: 'small.csv', time_unit: 'ms' }), 1, { modelDir: dir, endpoints });
    expect(load).toEqual({ type: 'trace', requests: 4, meanRate: 4, mix: { get_user: 0.75, update_user: 0.25 } });
  });
});
