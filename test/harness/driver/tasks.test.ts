import { describe, expect, it } from 'vitest';
import { driverStream, sequentialKeys, uniformKeys } from '../../../src/harness/driver/keys.js';
import {
  ClientSideError, compileTask, compileTasks, cumulativeWeights, pickTask, prepareRequest, type UserContext,
} from '../../../src/harness/driver/tasks.js';

const rng = driverStream('t', 'keys');
const user = (vars: Record<string, unknown> = {}): UserContext => ({ id: 3, vars });

describe('path templates', () => {
  it('fills placeholders from key generators, then from user vars, URL-encoded', () => {
    const task = compileTask({ name: 't', path: '/orgs/{org}/users/{id}?x=1', keys: { id: sequentialKeys(7) } }, 0, 'tasks[0]');
    expect(task.parts).toEqual(['/orgs/', '/users/', '?x=1']);
    const req = prepareRequest(task, user({ org: 'a b' }), 1, 'run', rng);
    expect(req.path).toBe('/orgs/a%20b/users/7?x=1');
    expect(req.ctx.keys).toEqual({ org: 'a b', id: 7 });
    expect(prepareRequest(task, user({ org: 'x' }), 2, 'run', rng).path).toBe('/orgs/x/users/8?x=1');
  });

  it('a placeholder with neither generator nor user var is a client-side error', () => {
    const task = compileTask({ name: 'me', path: '/users/{userId}' }, 0, 'tasks[0]');
    expect(() => prepareRequest(task, user(), 1, 'r', rng)).toThrow(ClientSideError);
    expect(() => prepareRequest(task, user(), 1, 'r', rng)).toThrow('task "me": placeholder {userId} has no key generator and user.vars.userId is undefined');
  });

  it('builds a JSON body with unique values and merges headers', () => {
    const task = compileTask({
      name: 'register', method: 'POST', path: '/users',
      body: (c) => ({ email: `u${c.seq}-${c.runId}@example.test` }),
      headers: (c) => ({ authorization: `Bearer ${String(c.user.vars.token)}` }),
    }, 0, 'tasks[0]');
    const req = prepareRequest(task, user({ token: 'abc' }), 42, 'r1', rng);
    expect(req.body).toBe('{"email":"u42-r1@example.test"}');
    expect(req.headers).toEqual({ 'content-type': 'application/json', authorization: 'Bearer abc' });
  });

  it('wraps a throwing body function as a client-side error', () => {
    const task = compileTask({ name: 'b', path: '/', body: () => { throw new Error('boom'); } }, 0, 'tasks[0]');
    expect(() => prepareRequest(task, user(), 1, 'r', rng)).toThrow('task "b": body or headers function threw: boom');
  });
});

describe('task validation', () => {
  it('names the offending field and value', () => {
    expect(() => compileTasks([{ name: 'a', path: 'users' }], 'tasks')).toThrow('tasks[0].path = "users" is not allowed: expected a path starting with "/"');
    expect(() => compileTasks([{ name: 'a', path: '/', weight: -1 }], 'tasks')).toThrow('tasks[0].weight = -1 is not allowed');
    expect(() => compileTasks([{ name: 'a', path: '/', expect: [700] }], 'tasks')).toThrow(/tasks\[0\]\.expect = \[700\]/);
    expect(() => compileTasks([{ name: 'a', path: '/{a-b}' }], 'tasks')).toThrow(/placeholders like \{id\}/);
    expect(() => compileTasks([{ name: 'a', path: '/' }, { name: 'a', path: '/x' }], 'tasks')).toThrow('tasks[1].name = "a" is not allowed: expected a name not used by another task');
    expect(() => compileTasks([], 'tasks')).toThrow('tasks = [] is not allowed: expected a non-empty array of tasks');
  });

  it('expects 2xx by default, or exactly the listed statuses', () => {
    const [dflt, listed] = compileTasks([{ name: 'a', path: '/' }, { name: 'b', path: '/', expect: [404] }], 'tasks');
    expect([199, 200, 204, 299, 300].map((s) => dflt!.expected[s])).toEqual([0, 1, 1, 1, 0]);
    expect([200, 404].map((s) => listed!.expected[s])).toEqual([0, 1]);
  });

  it('numbers tasks from firstIndex so two lists share one tally array', () => {
    const names = new Set<string>();
    const a = compileTasks([{ name: 'login', path: '/' }], 'onStart', 0, names);
    const b = compileTasks([{ name: 'x', path: '/', keys: { id: uniformKeys(1, 2) } }], 'tasks', a.length, names);
    expect(b[0]!.index).toBe(1);
    expect(() => compileTasks([{ name: 'login', path: '/' }], 'tasks', 2, names)).toThrow(/tasks\[0\]\.name = "login"/);
  });
});

describe('pickTask', () => {
  it('splits [0, 1) in proportion to the weights', () => {
    const tasks = compileTasks([{ name: 'a', path: '/', weight: 3 }, { name: 'b', path: '/', weight: 1 }], 'tasks');
    const cum = cumulativeWeights(tasks);
    const picks = Array.from({ length: 1000 }, (_, i) => pickTask(tasks, cum, i / 1000).name);
    expect(picks.filter((n) => n === 'a')).toHaveLength(750);
    expect(pickTask(tasks, cum, 0.7499).name).toBe('a');
    expect(pickTask(tasks, cum, 0.75).name).toBe('b');
  });
});
