import { describe, expect, it } from 'vitest';
import { backoffSchema } from '../../../../src/components/policies/backoff/schema.js';

const schema = backoffSchema({ base: '100ms', cap: '5s', jitter: 'full' });

describe('backoff block', () => {
  it('applies the caller’s defaults and parses durations', () => {
    expect(schema.parse({})).toEqual({ base: 0.1, cap: 5, jitter: 'full' });
    expect(schema.parse({ base: '1s', cap: '1m', jitter: 'decorrelated' })).toEqual({ base: 1, cap: 60, jitter: 'decorrelated' });
  });

  it('refuses a cap below the base, an unknown jitter and unknown fields', () => {
    const low = schema.safeParse({ base: '2s', cap: '1s' });
    expect(low.success).toBe(false);
    expect(JSON.stringify(low.error?.issues)).toMatch(/cap >= base/);
    expect(schema.safeParse({ jitter: 'random' }).success).toBe(false);
    expect(schema.safeParse({ max: 3 }).success).toBe(false);
  });
});
