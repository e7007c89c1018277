/**
 * How a request ended, by kind: an unexpected HTTP status by class, a timeout, a broken or
 * refused connection, or a driver-side problem. Kinds are what an operator acts on (a 5xx
 * storm is the server, refused connections are the listen backlog or a dead process).
 */

export const ERROR_KINDS = [
  'http_1xx', 'http_2xx', 'http_3xx', 'http_4xx', 'http_5xx', 'timeout', 'connection', 'client', 'other',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];
export type ErrorCounts = Record<ErrorKind, number>;

export function emptyErrorCounts(): ErrorCounts {
  return Object.fromEntries(ERROR_KINDS.map((k) => [k, 0])) as ErrorCounts;
}

/** The kind for a status outside the expected set ('http_2xx' = a 2xx that was not expected). */
export function statusKind(status: number): ErrorKind {
  if (status >= 100 && status < 600) return ERROR_KINDS[Math.floor(status / 100) - 1]!;
  return 'other';
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT', 'DRIVER_TIMEOUT',
]);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED',
]);

/** The driver's own deadline, measured from a request's intended send time. */
export class DriverTimeoutError extends Error {
  readonly code = 'DRIVER_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms of the intended send time`);
  }
}

/** Classify a transport error; connection errors may arrive wrapped (AggregateError, cause). */
export function errorKind(err: unknown): ErrorKind {
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TIMEOUT_CODES.has(code)) return 'timeout';
      if (CONNECTION_CODES.has(code)) return 'connection';
    }
    const inner = (e as { errors?: unknown[] }).errors;
    if (Array.isArray(inner) && inner.length > 0) e = inner[0];
    else e = (e as { cause?: unknown }).cause;
  }
  return 'other';
}
