/** The queue's options: defaults, the environment switches, and errors that name the field. */
import { describe, expect, it } from 'vitest';
import { optionsFromEnv, resolveOptions } from '../../../src/harness/options.js';

describe('queue options', () => {
  it('default to off, with pg-boss-compatible settings', () => {
    expect(resolveOptions().queue).toEqual({
      enabled: false, concurrency: 4, pollingIntervalMs: 500, notify: true,
      retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true, pgSchema: 'pgboss',
    });
  });

  it('keep the other defaults when one is given', () => {
    expect(resolveOptions({ queue: { enabled: true } }).queue).toMatchObject({ enabled: true, concurrency: 4 });
  });

  it('name the field, the value and the limit in errors', () => {
    expect(() => resolveOptions({ queue: { pollingIntervalMs: 100 } })).toThrow(/option queue\.pollingIntervalMs = 100: .*>=500/);
    expect(() => resolveOptions({ queue: { concurrency: 0 } })).toThrow(/option queue\.concurrency = 0: .*>=1/);
    expect(() => resolveOptions({ queue: { retryDelaySeconds: 0.1 } })).toThrow(/option queue\.retryDelaySeconds = 0\.1: .*expected int/);
    expect(() => resolveOptions({ queue: { pgSchema: 'Bad-Name' } })).toThrow(/option queue\.pgSchema = "Bad-Name": a lower-case SQL identifier/);
  });

  it('reject an unknown queue option instead of ignoring a typo', () => {
    expect(() => resolveOptions({ queue: { concurency: 2 } } as never)).toThrow(/option queue.*concurency/);
  });

  it('map STACKSIM_QUEUE* variables', () => {
    const env = { STACKSIM_QUEUE: '1', STACKSIM_QUEUE_CONCURRENCY: '8', STACKSIM_QUEUE_POLLING_MS: '750', STACKSIM_QUEUE_NOTIFY: 'off', STACKSIM_QUEUE_RETRY_LIMIT: '0' };
    expect(resolveOptions(optionsFromEnv(env)).queue).toMatchObject({ enabled: true, concurrency: 8, pollingIntervalMs: 750, notify: false, retryLimit: 0 });
    expect(() => optionsFromEnv({ STACKSIM_QUEUE: 'sometimes' })).toThrow(/STACKSIM_QUEUE="sometimes": expected on\/off/);
  });
});
