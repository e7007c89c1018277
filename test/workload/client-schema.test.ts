// The `client:` block of a traffic source: defaults, units, and the user-facing errors.
import { describe, expect, it } from 'vitest';
import { trafficSource } from '../../src/model/schema/traffic.js';
import { clientSettings } from '../../src/workload/client/index.js';

const source = (client: unknown) => ({ type: 'open_loop', rate: '10/s', mix: { a: 1 }, client });
const parse = (client: unknown) => trafficSource().safeParse(source(client));
const messages = (client: unknown) => {
  const r = parse(client);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('client block', () => {
  it('fills defaults and resolves to runtime settings', () => {
    const r = parse({ timeout: '1s', retries: { max: 3, backoff: {} }, budget: { ratio: '10%' }, circuit_breaker: { failure_threshold: '50%' } });
    expect(r.success).toBe(true);
    const c = (r.data as { client: Parameters<typeof clientSettings>[0] }).client;
    const s = clientSettings(c);
    expect(s).toMatchObject({
      timeout: 1, maxRetries: 3, budget: { ratio: 0.1, burst: 10 }, window: 10, tolerance: 0.1,
      breaker: { threshold: 0.5, window: 10, minRequests: 20, openFor: 5, probes: 1 },
    });
    expect(s.backoff).toMatchObject({ base: 0.1, cap: 10 });
  });

  it('switches off what is absent: no timeout, no retries, no budget, no breaker', () => {
    const s = clientSettings((parse({}).data as { client: Parameters<typeof clientSettings>[0] }).client);
    expect(s).toMatchObject({ timeout: Infinity, maxRetries: 0, backoff: null, budget: null, breaker: null });
  });

  it('refuses zero timeouts, zero thresholds, unknown fields and a cap below the base', () => {
    expect(messages({ timeout: 0 })).toEqual(['client.timeout: expected a duration > 0, e.g. 1s']);
    expect(messages({ circuit_breaker: { failure_threshold: 0 } })).toEqual(['client.circuit_breaker.failure_threshold: expected a share > 0, e.g. 50%']);
    expect(messages({ retries: { max: 2, backof: {} } })).toHaveLength(1);
    expect(messages({ retries: { max: 2, backoff: { base: '2s', cap: '1s' } } })).toEqual(['client.retries.backoff.cap: expected a cap >= base (2s)']);
    expect(messages({ budget: { ratio: '10%', burst: 0 } })).toHaveLength(1);
  });
});
