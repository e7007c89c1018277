// The engine knows no domain: files under src/engine import only each other (and seedrandom),
// and nothing in it reads the wall clock or unseeded randomness.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(import.meta.dirname, '../../src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('engine boundary', () => {
  it('imports only engine files and seedrandom', () => {
    const bad: string[] = [];
    for (const f of files(root)) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) {
          if (relative(root, resolve(dirname(f), spec)).startsWith('..')) bad.push(`${relative(root, f)} -> ${spec}`);
        } else if (!spec.startsWith('seedrandom')) {
          bad.push(`${relative(root, f)} -> ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('never reads the wall clock or Math.random', () => {
    const bad = files(root).filter((f) => /Math\.random|Date\.now|performance\.now|new Date\(/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });
});
