/**
 * "One of these parameter sets": distributions that can be given two ways, e.g. lognormal
 * by `{mean, cv}` or by `{mu, sigma}`. A strict object of every key (all optional) plus one
 * check, so a typo is still an unknown field and a mixed-up set gets a single clear error.
 */
import { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import { reject } from './issue.js';

type Shape = Record<string, z.ZodType>;

/** `[{mean, cv}, {mu, sigma}]` → `{mean, cv} | {mu, sigma}` (outputs). */
export type OneSetOf<T extends readonly z.ZodObject[]> = z.output<T[number]>;

function describeSet(shape: Shape): string {
  const required = Object.keys(shape).filter((k) => !shape[k]!.isOptional());
  const optional = Object.keys(shape).filter((k) => shape[k]!.isOptional());
  const words = required.length <= 1 ? required.join('') : `${required.slice(0, -1).join(', ')} and ${required.at(-1)}`;
  return optional.length === 0 ? words : `${words} (optionally ${optional.join(', ')})`;
}

/**
 * Accepts exactly one of `sets` (strict objects). `what` names the thing for messages
 * (`lognormal`); `code` is the catalogue code for a mixed-up or incomplete set.
 */
export function oneParamSet<const T extends readonly z.ZodObject[]>(
  what: string,
  sets: T,
  code: ErrorCode = 'SIM_E_INVALID_VALUE',
): z.ZodType<OneSetOf<T>, unknown> {
  const shapes = sets.map((s) => s.shape as Shape);
  const merged: Shape = {};
  for (const shape of shapes) {
    for (const [k, v] of Object.entries(shape)) merged[k] ??= v.optional();
  }
  const expected = shapes.map(describeSet).join(', or ');
  const checked = z.strictObject(merged).superRefine((value, ctx) => {
    const given = Object.keys(value).filter((k) => value[k] !== undefined);
    const fits = shapes.some((shape) =>
      given.every((k) => k in shape) && Object.keys(shape).every((k) => shape[k]!.isOptional() || given.includes(k)));
    if (fits) return;
    const detail = shapes.length === 1 ? `${what} is missing parameters` : `${what} takes one of ${shapes.length} parameter sets`;
    reject(ctx, value, { code, detail, expected, got: given.length === 0 ? 'no parameters' : `parameters ${given.join(', ')}` });
  }, { when: (payload) => payload.issues.length === 0 });
  const required = shapes.map((shape) => ({ required: Object.keys(shape).filter((k) => !shape[k]!.isOptional()) }));
  // Editors can then tell which combinations are complete.
  const meta = shapes.length > 1 ? { anyOf: required } : required[0]!;
  return checked.meta(meta) as unknown as z.ZodType<OneSetOf<T>, unknown>;
}
