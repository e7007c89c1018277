/**
 * Overlays: dotted paths into a model's plain data (`components.db.cores`, `traffic.0.users`)
 * and deep-setting a value there. A path is resolved against the data it edits: numbers
 * index lists, and a name that itself holds dots (`db.v2`) matches its whole key first.
 */
import type { PathSegment } from '../model/format.js';
import { didYouMean } from '../model/suggest.js';

export const OVERLAY_PATH_PATTERN = '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$';

export type Resolved =
  | { ok: true; path: PathSegment[]; exists: boolean }
  | { ok: false; at: PathSegment[]; missing: string; expected: string; hint?: string };

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === 'object';

/**
 * Walks `text` through `data`. Every segment but the last must exist; the last may be new
 * (a field the model left to its default) unless `mustExist`.
 */
export function resolvePath(data: unknown, text: string, mustExist = false): Resolved {
  const parts = text.split('.');
  const path: PathSegment[] = [];
  let node: unknown = data;
  let i = 0;
  while (i < parts.length) {
    if (!isContainer(node)) return { ok: false, at: path, missing: parts[i]!, expected: 'a mapping or a list to reach into' };
    const step = Array.isArray(node) ? indexStep(node, parts[i]!) : keyStep(node, parts, i);
    const last = i + step.used >= parts.length;
    if (step.key === undefined || (!step.found && (!last || mustExist || Array.isArray(node)))) {
      return notFound(node, path, parts[i]!);
    }
    path.push(step.key);
    node = step.found ? (node as Record<PathSegment, unknown>)[step.key] : undefined;
    if (!step.found) return { ok: true, path, exists: false };
    i += step.used;
  }
  return { ok: true, path, exists: true };
}

function indexStep(list: unknown[], part: string): { key?: number; used: number; found: boolean } {
  if (!/^\d+$/.test(part)) return { used: 1, found: false };
  const key = Number(part);
  return { key, used: 1, found: key < list.length };
}

/** Longest run of segments naming an existing key; else the single segment (maybe new). */
function keyStep(map: Record<string, unknown>, parts: string[], i: number): { key: string; used: number; found: boolean } {
  for (let n = parts.length - i; n >= 1; n--) {
    const key = parts.slice(i, i + n).join('.');
    if (Object.hasOwn(map, key)) return { key, used: n, found: true };
  }
  return { key: parts[i]!, used: 1, found: false };
}

function notFound(node: Container, at: PathSegment[], missing: string): Resolved {
  if (Array.isArray(node)) {
    const expected = node.length === 0 ? 'nothing (the list is empty)' : `an index from 0 to ${node.length - 1}`;
    return { ok: false, at, missing, expected };
  }
  const keys = Object.keys(node);
  const hint = didYouMean(missing, keys);
  return { ok: false, at, missing, expected: keys.length === 0 ? 'nothing (the mapping is empty)' : `one of: ${keys.join(', ')}`, ...(hint && { hint }) };
}

/** Sets `value` at a resolved `path` in `data` (which the caller owns: a fresh clone). */
export function setAt(data: unknown, path: readonly PathSegment[], value: unknown): void {
  if (path.length === 0) throw new Error('overlay: an empty path cannot be set');
  let node = data as Record<PathSegment, unknown>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<PathSegment, unknown>;
  node[path.at(-1)!] = structuredClone(value);
}

/** The value at a resolved path (undefined when absent). */
export function getAt(data: unknown, path: readonly PathSegment[]): unknown {
  let node = data;
  for (const seg of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<PathSegment, unknown>)[seg];
  }
  return node;
}
