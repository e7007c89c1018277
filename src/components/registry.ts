/**
 * The registry: every component kind and its definition. The YAML `kind` union, the JSON
 * Schema and `stacksim components` all derive from this map, so adding a component is one
 * file plus one line here.
 */
import type { ComponentDef } from './define.js';
// @registry-imports (one import line per component, kept sorted)

export const registry = {
  // @registry-entries (one `kind: definition,` line per component, kept sorted)
} satisfies Record<string, ComponentDef<any, any, any>>;

export type ComponentKind = keyof typeof registry;
