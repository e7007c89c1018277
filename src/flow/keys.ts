/**
 * Cache and row keys such as `user:{user}`: compiled once into a namespace number and the
 * index of the key space that fills the placeholder, so a request's key is one multiply-add
 * (namespace × 2^32 + key value) instead of a string built per request.
 */
const SPACE = 2 ** 32;

export interface KeyTemplate {
  readonly text: string;
  readonly namespace: number;
  /** Key space filling the placeholder, or -1 for a constant key (e.g. `popular_items`). */
  readonly space: number;
}

/** Namespaces are numbered in order of first use within one model build. */
export class KeyNamespaces {
  private readonly ids = new Map<string, number>();
  id(prefix: string): number {
    let id = this.ids.get(prefix);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(prefix, id);
    }
    return id;
  }
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The key-space names a template refers to (`user:{user}` → ['user']). */
export function templateSpaces(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Compile `text`; templates have at most one placeholder (validated by the model layer). */
export function compileKey(text: string, spaceIndex: (name: string) => number, namespaces: KeyNamespaces): KeyTemplate {
  const spaces = templateSpaces(text);
  if (spaces.length > 1) throw new Error(`key template ${text}: more than one placeholder`);
  const prefix = text.replace(PLACEHOLDER, '{}');
  return { text, namespace: namespaces.id(prefix), space: spaces.length === 1 ? spaceIndex(spaces[0]!) : -1 };
}

export function keyOf(t: KeyTemplate, keys: readonly number[]): number {
  return t.namespace * SPACE + (t.space >= 0 ? keys[t.space]! : 0);
}
