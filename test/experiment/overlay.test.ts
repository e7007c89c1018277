// Overlay paths: dotted paths resolved against the data they edit (list indices, keys that
// themselves hold dots), new leaf fields allowed, missing parents refused with a suggestion.
import { describe, expect, it } from 'vitest';
import { getAt, resolvePath, setAt } from '../../src/experiment/overlay.js';
import { unitOf } from '../../src/experiment/compose.js';

const model = () => ({
  components: { db: { cores: 2, queries: { login: { lookup: 'scan' } } }, 'db.v2': { cores: 4 } },
  traffic: [{ type: 'closed_loop', users: 200 }],
});

describe('resolvePath', () => {
  it('indexes lists with numbers', () => {
    expect(resolvePath(model(), 'traffic.0.users')).toEqual({ ok: true, path: ['traffic', 0, 'users'], exists: true });
  });

  it('matches a key holding dots as a whole', () => {
    expect(resolvePath(model(), 'components.db.v2.cores')).toEqual({ ok: true, path: ['components', 'db.v2', 'cores'], exists: true });
    expect(resolvePath(model(), 'components.db.cores')).toEqual({ ok: true, path: ['components', 'db', 'cores'], exists: true });
  });

  it('allows a new leaf unless it must exist', () => {
    expect(resolvePath(model(), 'components.db.max_connections')).toEqual({ ok: true, path: ['components', 'db', 'max_connections'], exists: false });
    expect(resolvePath(model(), 'components.db.max_connections', true)).toMatchObject({ ok: false, missing: 'max_connections' });
  });

  it('refuses a missing parent, suggesting the key meant', () => {
    expect(resolvePath(model(), 'components.bd.cores')).toEqual({
      ok: false, at: ['components'], missing: 'bd', expected: 'one of: db, db.v2', hint: 'did you mean `db`?',
    });
    expect(resolvePath(model(), 'traffic.1.users')).toEqual({ ok: false, at: ['traffic'], missing: '1', expected: 'an index from 0 to 0' });
    expect(resolvePath(model(), 'traffic.0.users.x')).toMatchObject({ ok: false, at: ['traffic', 0, 'users'], missing: 'x' });
  });
});

describe('setAt', () => {
  it('replaces the value at the path, copying it', () => {
    const data = model();
    const value = { lookup: 'index' };
    setAt(data, ['components', 'db', 'queries', 'login'], value);
    value.lookup = 'changed later';
    expect(getAt(data, ['components', 'db', 'queries', 'login'])).toEqual({ lookup: 'index' });
    setAt(data, ['traffic', 0, 'users'], 500);
    expect(data.traffic[0]!.users).toBe(500);
  });
});

describe('unitOf', () => {
  it('reads the unit a model writes a value in', () => {
    expect([unitOf('200/s'), unitOf('10 ms'), unitOf('2m'), unitOf('80%'), unitOf('120 / min')]).toEqual(['/s', 'ms', 'm', '%', '/min']);
    expect([unitOf(200), unitOf('2k/s'), unitOf('between(1s, 3s)')]).toEqual([null, null, null]);
  });
});
