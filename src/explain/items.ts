/**
 * An endpoint's steps flattened into the work one request does on average: each item is a
 * step with the expected number of times it runs per request (`p`: an on_miss branch runs
 * with the miss ratio, a named flow inline) and the part of that before the response is
 * sent (`lat`: a `respond` step ends the latency but not the work).
 */
import { fromSpec, type DistributionSpec } from '../engine/random/spec.js';
import type { ReadRoute } from '../components/contracts.js';
import type { Step } from '../model/schema/endpoint.js';
import type { Frozen } from '../model/validate.js';

interface Weights {
  /** Expected runs per request. */
  readonly p: number;
  /** Expected runs per request before the response was sent. */
  readonly lat: number;
}

export type Item = Weights & (
  | { readonly kind: 'cpu'; readonly mean: number; readonly second: number }
  | { readonly kind: 'sleep'; readonly mean: number }
  | { readonly kind: 'db'; readonly database: string; readonly query: string; readonly route: ReadRoute; readonly repeat: number }
  | { readonly kind: 'cache'; readonly op: 'get' | 'set' | 'delete'; readonly cache: string; readonly key: string; readonly hit?: number }
  | { readonly kind: 'visit'; readonly station: string }
);

export interface WalkContext {
  readonly flows: Readonly<Record<string, readonly Frozen<Step>[]>>;
  /** The database defining `query` (normalize made sure there is exactly one, or it is named). */
  readonly databaseOf: (query: string) => string;
  /** Current estimate of the hit ratio of gets on `key` in `cache`. */
  readonly hitRatio: (cache: string, key: string) => number;
  /** Step kinds met that explain has no model of (collected, then reported). */
  readonly ignored: Set<string>;
}

/** Second moment E[X²] of a step's distribution (Infinity when its variance is). */
function moments(spec: DistributionSpec): { mean: number; second: number } {
  const d = fromSpec(spec);
  return { mean: d.mean, second: d.variance + d.mean * d.mean };
}

/** Flatten `steps` run with weight `p`, of which the fraction `alive` is before the response.
 * Returns the fraction still before the response after the last step. */
function walk(steps: readonly Frozen<Step>[], p: number, alive: number, c: WalkContext, out: Item[]): number {
  for (const step of steps) {
    const [kind, body] = Object.entries(step)[0] as [string, any];
    const w = { p, lat: p * alive };
    switch (kind) {
      case 'cpu':
        out.push({ ...w, kind: 'cpu', ...moments(body as DistributionSpec) });
        break;
      case 'sleep':
        out.push({ ...w, kind: 'sleep', mean: fromSpec(body as DistributionSpec).mean });
        break;
      case 'db': {
        const q = typeof body === 'string' ? { query: body } : body;
        out.push({ ...w, kind: 'db', database: q.database ?? c.databaseOf(q.query), query: q.query, route: q.route ?? 'auto', repeat: q.repeat ?? 1 });
        break;
      }
      case 'cache_get': {
        const hit = c.hitRatio(body.cache, body.key);
        out.push({ ...w, kind: 'cache', op: 'get', cache: body.cache, key: body.key, hit });
        if (body.on_miss && hit < 1) {
          const after = walk(body.on_miss, p * (1 - hit), alive, c, out);
          alive = hit * alive + (1 - hit) * after;
        }
        break;
      }
      case 'cache_set':
      case 'cache_delete':
        out.push({ ...w, kind: 'cache', op: kind === 'cache_set' ? 'set' : 'delete', cache: body.cache, key: body.key });
        break;
      case 'call':
        alive = walk(c.flows[body as string]!, p, alive, c, out);
        break;
      case 'visit':
        out.push({ ...w, kind: 'visit', station: body as string });
        break;
      case 'respond':
        alive = 0;
        break;
      default:
        c.ignored.add(kind);
    }
  }
  return alive;
}

export function flattenSteps(steps: readonly Frozen<Step>[], c: WalkContext): Item[] {
  const out: Item[] = [];
  walk(steps, 1, 1, c, out);
  return out.filter((i) => i.p > 0);
}
