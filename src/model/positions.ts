/**
 * From a field path (`components.db.replicas`) back to the place in the YAML text it came
 * from. Walks the document's nodes as far as the path exists; a missing field is reported
 * at its parent's key, an unknown key at the key itself, a bad value at the value.
 */
import { isAlias, isCollection, isMap, isScalar, isSeq, visit, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegment } from './format.js';

export interface Position {
  /** 1-based line and column. */
  line: number;
  col: number;
}

interface Located {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

interface Walk {
  /** How many path segments exist in the document. */
  depth: number;
  /** The deepest node reached (null for an empty value such as `key:`). */
  node: Node | null;
  /** The key node holding `node`, when `node` is a mapping value. */
  key: Node | undefined;
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function walk(located: Located, path: readonly PathSegment[]): Walk {
  const { doc } = located;
  let node = (doc.contents ?? null) as Node | null;
  let key: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isAlias(node)) node = (node.resolve(doc) ?? null) as Node | null;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(seg));
      if (pair === undefined) break;
      key = pair.key as Node;
      node = (pair.value ?? null) as Node | null;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      key = undefined;
      node = (node.items[seg] ?? null) as Node | null;
    } else break;
    depth++;
  }
  return { depth, node, key };
}

function startOf(n: Node | undefined | null): number | undefined {
  return n?.range?.[0];
}

/**
 * Where `path` is in the source. `part: 'key'` asks for the key of the last segment (for
 * unknown fields); paths that do not exist resolve to the key of their deepest existing
 * ancestor, which is the mapping a missing field should be added to.
 */
export function positionOf(located: Located, path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Position {
  const w = walk(located, path);
  const offset = w.depth < path.length || part === 'key' ? preferKey(w) : valueOffset(w);
  return located.lineCounter.linePos(offset ?? 0);
}

function preferKey(w: Walk): number | undefined {
  return startOf(w.key) ?? startOf(w.node);
}

/** A value's own position, except where that would mislead: an empty value (`key:`) or a
 * block collection, whose start is its first child on another line; then the key. */
function valueOffset(w: Walk): number | undefined {
  const n = w.node;
  const empty = n === null || (isScalar(n) && n.value === null && n.source === '');
  const block = isCollection(n) && !n.flow;
  if ((empty || block) && w.key !== undefined) return startOf(w.key);
  return startOf(n);
}

/** For a duplicate key at `offset`: the same key's first appearance in that mapping. */
export function firstKeyLike(doc: Document.Parsed, offset: number): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const dup = map.items.find((p) => startOf(p.key as Node) === offset);
      if (dup === undefined) return undefined;
      const first = map.items.find((p) => keyText(p.key) === keyText(dup.key));
      const at = startOf(first?.key as Node);
      if (at !== undefined) found = { key: keyText(dup.key), offset: at };
      return visit.BREAK;
    },
  });
  return found;
}
