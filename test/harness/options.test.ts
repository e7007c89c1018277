import { describe, expect, it } from 'vitest';
import { optionsFromEnv, resolveOptions } from '../../src/harness/options.js';

describe('resolveOptions', () => {
  it('fills every default', () => {
    const o = resolveOptions();
    expect(o.poolSize).toBe(10);
    expect(o.port).toBe(0);
    expect(o.cache).toEqual({ enabled: true, ttlMs: 60_000, popularTtlMs: 10_000, capacity: 10_000 });
    expect(o.scrypt).toEqual({ logN: 12, r: 8, p: 1 });
    expect(o.seed).toEqual({ enabled: true, users: 100_000, interactions: 1_000_000, items: 10_000, days: 30 });
    expect(o.indexes).toBe(true);
    expect(o.pgSchema).toBe('stacksim');
    expect(o.databaseUrl).toBeUndefined();
    expect(o.redisUrl).toBeUndefined();
  });

  it('keeps nested defaults when only part of a group is given', () => {
    const o = resolveOptions({ cache: { enabled: false }, seed: { users: 5 } });
    expect(o.cache).toEqual({ enabled: false, ttlMs: 60_000, popularTtlMs: 10_000, capacity: 10_000 });
    expect(o.seed.users).toBe(5);
    expect(o.seed.interactions).toBe(1_000_000);
  });

  it('names the option, the value and the limit in errors', () => {
    expect(() => resolveOptions({ poolSize: 0 })).toThrow(/option poolSize = 0: .*>=1/);
    expect(() => resolveOptions({ cache: { ttlMs: 1.5 } })).toThrow(/option cache\.ttlMs = 1\.5: .*expected int/);
    expect(() => resolveOptions({ pgSchema: 'Robert"; DROP' })).toThrow(/option pgSchema = "Robert\\"; DROP": a lower-case SQL identifier/);
  });

  it('rejects unknown options instead of ignoring a typo', () => {
    expect(() => resolveOptions({ poolsize: 3 } as never)).toThrow(/poolsize/);
  });
});

describe('optionsFromEnv', () => {
  it('maps variables onto the options object', () => {
    const env = {
      STACKSIM_POOL_SIZE: '25', STACKSIM_CACHE: 'off', STACKSIM_INDEXES: 'false', STACKSIM_SCRYPT_LOG_N: '11',
      STACKSIM_SEED_USERS: '1000', DATABASE_URL: 'postgres://u:p@h/db', REDIS_URL: 'redis://h:6379', STACKSIM_PORT: '',
    };
    const o = resolveOptions(optionsFromEnv(env));
    expect(o.poolSize).toBe(25);
    expect(o.cache.enabled).toBe(false);
    expect(o.indexes).toBe(false);
    expect(o.scrypt.logN).toBe(11);
    expect(o.seed.users).toBe(1000);
    expect(o.databaseUrl).toBe('postgres://u:p@h/db');
    expect(o.redisUrl).toBe('redis://h:6379');
    expect(o.port).toBe(0); // empty variable = unset
  });

  it('returns nothing for an empty environment', () => {
    expect(optionsFromEnv({})).toEqual({});
  });

  it('names the variable and the value it could not read', () => {
    expect(() => optionsFromEnv({ STACKSIM_POOL_SIZE: 'ten' })).toThrow('STACKSIM_POOL_SIZE="ten": expected an integer');
    expect(() => optionsFromEnv({ STACKSIM_CACHE: 'maybe' })).toThrow(/STACKSIM_CACHE="maybe": expected on\/off/);
  });
});
