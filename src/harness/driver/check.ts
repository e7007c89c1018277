/**
 * Argument checks for the driver's options. Every failure names the parameter, the value
 * given and what is allowed, so a mistyped rate fails at once instead of leaking NaN or
 * Infinity into a result that looks plausible.
 */

export function fail(param: string, value: unknown, allowed: string): never {
  throw new RangeError(`${param} = ${show(value)} is not allowed: expected ${allowed}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function positive(param: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(param, value, 'a finite number > 0');
  }
  return value;
}

export function nonNegative(param: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(param, value, 'a finite number >= 0');
  }
  return value;
}

export function positiveInt(param: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    fail(param, value, `an integer from 1 to ${max}`);
  }
  return value;
}

export function nonEmptyString(param: string, value: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(param, value, 'a non-empty string');
  return value;
}

/** The origin undici needs: http(s)://host[:port] with no path. */
export function origin(param: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(param, value, 'an absolute http:// or https:// URL, e.g. "http://127.0.0.1:3000"');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail(param, value, 'an http:// or https:// URL');
  }
  if (url.pathname !== '/' || url.search !== '') {
    fail(param, value, 'an origin without path or query (put paths in the task)');
  }
  return url.origin;
}
