/**
 * Walking the plain data a YAML file became, by field path: what the user wrote at a path,
 * and whether a path names a field that is absent from a mapping that exists.
 */
import type { PathSegment } from './format.js';

/** The value at `path` in plain data, if every segment exists. */
export function valueAt(data: unknown, path: readonly PathSegment[]): { found: boolean; value?: unknown } {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) return { found: false };
    node = (node as Record<PathSegment, unknown>)[seg];
  }
  return { found: true, value: node };
}

/** True when the last segment of `path` is absent from an existing parent. */
export function isMissing(data: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return false;
  let node = data;
  for (const seg of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PathSegment, unknown>)[seg];
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  return !Object.hasOwn(node, path.at(-1)!);
}
