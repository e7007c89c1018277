import { describe, expect, it } from 'vitest';
import { DriverTimeoutError, errorKind, statusKind } from '../../../src/harness/driver/outcome.js';

const coded = (code: string): Error => Object.assign(new Error(code), { code });

describe('error kinds', () => {
  it('maps statuses to their class', () => {
    expect([101, 204, 302, 404, 503, 600].map(statusKind)).toEqual(['http_1xx', 'http_2xx', 'http_3xx', 'http_4xx', 'http_5xx', 'other']);
  });

  it('classifies timeouts and connection failures by code, also when wrapped', () => {
    expect(errorKind(new DriverTimeoutError(100))).toBe('timeout');
    expect(errorKind(coded('UND_ERR_HEADERS_TIMEOUT'))).toBe('timeout');
    expect(errorKind(coded('ECONNREFUSED'))).toBe('connection');
    expect(errorKind(coded('UND_ERR_SOCKET'))).toBe('connection');
    expect(errorKind(new AggregateError([coded('ECONNREFUSED')]))).toBe('connection');
    expect(errorKind(new Error('outer', { cause: coded('ECONNRESET') }))).toBe('connection');
    expect(errorKind(new Error('no code'))).toBe('other');
  });
});
