/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules so the report
 * works offline and from a file:// URL: no CDN, no network. Resolved through each package's
 * entry point (their `exports` maps do not expose the build folder to require.resolve).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scriptSafe } from './escape.js';

const require = createRequire(import.meta.url);

/** Walks up from a package's entry file to the folder holding its package.json. */
function packageDir(name: string): string {
  let dir = dirname(require.resolve(name));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === name) return dir;
    } catch {
      // no package.json at this level; keep climbing
    }
    dir = dirname(dir);
  }
  throw new Error(`report: cannot find the folder of package ${name} (is it installed?)`);
}

const LIBRARIES = [
  { name: 'vega', file: 'build/vega.min.js' },
  { name: 'vega-lite', file: 'build/vega-lite.min.js' },
  { name: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

let cached: { name: string; code: string }[] | null = null;

/** The three libraries in load order (vega-embed needs the globals of the other two). */
export function inlineLibraries(): { name: string; code: string }[] {
  cached ??= LIBRARIES.map(({ name, file }) => ({
    name, code: scriptSafe(readFileSync(join(packageDir(name), file), 'utf8')),
  }));
  return cached;
}
