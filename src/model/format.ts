/**
 * How user values and field paths are written inside error messages. One place, so every
 * message quotes strings, names lists and paths the same way (`traffic[0].rate`).
 */

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['components', 'db', 'replicas']` → `components.db.replicas`; indices as `[0]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Numbers without binary-float noise: 0.1 + 0.2 prints as 0.3. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

/** A short, unambiguous rendering of a value the user wrote, for `got:` lines. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    // Spelt as YAML spells them (`.nan`, `.inf`), so the user can find them in the file.
    if (Number.isNaN(value)) return '.nan (not a number)';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return formatNumber(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'an empty mapping';
    const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
    return `a mapping with ${keys.length === 1 ? 'key' : 'keys'}: ${shown}`;
  }
  return typeof value;
}

/** The kind of a value as a YAML author thinks of it, for "expected a list, got a mapping". */
export function describeType(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** `a, b, c` — used for "expected one of: …" lines. */
export function listOf(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : describeValue(v))).join(', ');
}
