/**
 * The last step of reading a distribution: the YAML shape becomes the engine's
 * DistributionSpec, which the engine's `fromSpec` then checks. A DistributionError there
 * (negative mean, p > 1 …) becomes SIM_E_BAD_DISTRIBUTION at the offending parameter, so
 * the engine stays the single judge of what parameters are valid.
 */
import type { z } from 'zod';
import { DistributionError } from '../../engine/random/errors.js';
import { KIND_INFO, type DistributionKind } from '../../engine/random/kinds.js';
import { fromSpec, type DistributionSpec } from '../../engine/random/spec.js';
import { formatPath, type PathSegment } from '../format.js';
import { reject } from './issue.js';
import { entryOf } from './keyed.js';

/** What the values of a distribution are: durations, plain numbers, or keys 1..n. */
export type Dimension = 'time' | 'value' | 'key';

type Params = Record<string, unknown>;

const isMapping = (v: unknown): v is Params => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The one parameter of a kind written as a bare value (`constant: 5ms` → `value`). */
function soleParam(kind: string): string {
  return KIND_INFO[kind as DistributionKind].forms[0]![0]!.name;
}

/** The YAML form (already unit-converted) → the engine's spec. */
export function toSpec(value: Params, dim: Dimension): DistributionSpec {
  const [kind, params] = entryOf(value);
  if (kind === 'uniform' && dim === 'key') return { uniform_int: { min: 1, max: (params as { n: number }).n } };
  const mapping = isMapping(params) ? params : { [soleParam(kind)]: params };
  const defined = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
  return { [kind]: defined } as unknown as DistributionSpec;
}

/** Appends the spec conversion and the engine's check to a keyed-union schema. */
export function checkedSpec(schema: z.ZodType<object, unknown>, dim: Dimension): z.ZodType<DistributionSpec, unknown> {
  return schema.transform((value, ctx) => {
    // Only an unknown key lets zod carry on to here; it is already reported.
    if (Object.keys(value).length !== 1) return value as DistributionSpec;
    const spec = toSpec(value as Params, dim);
    const [kind, params] = entryOf(value as Params);
    let support: { min?: number };
    try {
      support = fromSpec(spec) as { min?: number };
    } catch (err) {
      if (!(err instanceof DistributionError)) throw err;
      const { name, path } = paramPath(kind, err.param, params, dim);
      reject(ctx, undefined, { code: 'SIM_E_BAD_DISTRIBUTION', detail: `${kind} ${name} must be ${err.allowed}` }, [kind, ...path]);
      return spec;
    }
    if (dim === 'time' && support.min !== undefined && support.min < 0) {
      const culprit = NEGATIVE_CULPRIT[kind] ?? 'value';
      const hint = kind === 'normal' ? 'set `truncate: true` (or remove it)' : 'make every value >= 0';
      const detail = `a duration cannot be negative, but this ${kind} can produce values below 0`;
      reject(ctx, undefined, { code: 'SIM_E_BAD_DISTRIBUTION', detail, hint }, [kind, ...paramPath(kind, culprit, params, dim).path]);
    }
    return spec;
  });
}

/** The parameter to blame when a time distribution reaches below zero. */
const NEGATIVE_CULPRIT: Readonly<Record<string, string>> = {
  normal: 'truncate', uniform: 'min', empirical: 'samples', constant: 'value',
};

/**
 * The engine names parameters in spec terms (`components[1].weight`, `max`); say it in the
 * user's terms and point at the deepest part of it that exists in the YAML they wrote.
 */
function paramPath(kind: string, param: string, params: unknown, dim: Dimension): { name: string; path: PathSegment[] } {
  if (kind === 'uniform' && dim === 'key') return { name: 'n', path: ['n'] };
  const segs: PathSegment[] = param.split(/[.[\]]+/).filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (!isMapping(params) && segs[0] === soleParam(kind)) segs.shift();
  const path: PathSegment[] = [];
  let node = params;
  for (const seg of segs) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, seg)) break;
    node = (node as Record<PathSegment, unknown>)[seg];
    path.push(seg);
  }
  // `[0].weight` reads worse than `weight`; the path already says which item.
  const named = segs.slice(segs.findIndex((s) => typeof s === 'string'));
  return { name: formatPath(named) || param, path };
}
