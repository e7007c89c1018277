/**
 * "Exactly one of these keys": the YAML shape of a choice whose name is its only key, as in
 * `{ exponential: { mean: 4ms } }` or `{ ramp: { from: 10/s, to: 1k/s, over: 5m } }`.
 * Built as a strict object of optional keys rather than a zod union, so a misspelt kind is
 * one precise error (with did-you-mean) and a bad parameter is reported at the parameter.
 */
import { z } from 'zod';
import { listOf } from '../format.js';
import { reject } from './issue.js';

/** Marks the strict objects that are keyed unions, so errors can say "unknown distribution". */
export const keyedUnions = z.registry<{ noun: string; kinds: readonly string[]; example?: string }>();

/** `{ a: A, b: B }` → `{ a: out<A> } | { b: out<B> }`. */
export type OneKeyOf<T extends Record<string, z.ZodType>> = {
  [K in keyof T]: { [P in K]: z.output<T[K]> };
}[keyof T];

export type KeyedUnion<T extends Record<string, z.ZodType>> = z.ZodType<OneKeyOf<T>, unknown>;

/** A choice among `variants`, written as a mapping with exactly one of their names as key. */
export function keyedUnion<T extends Record<string, z.ZodType>>(
  noun: string,
  variants: T,
  opts: { example?: string } = {},
): KeyedUnion<T> {
  const names = Object.keys(variants);
  const shape = Object.fromEntries(names.map((k) => [k, variants[k]!.optional()]));
  const object = z.strictObject(shape).superRefine((value, ctx) => {
    const present = names.filter((k) => value[k] !== undefined);
    if (present.length === 1) return;
    const expected = `one of: ${listOf(names)}`;
    const detail = present.length === 0
      ? `a ${noun} needs one of its kinds as its key`
      : `a ${noun} has exactly one kind, found ${present.length}: ${listOf(present)}`;
    reject(ctx, value, { code: 'SIM_E_INVALID_VALUE', detail, expected });
  }, { when: (payload) => payload.issues.length === 0 }); // an unknown key already says it all
  keyedUnions.add(object, { noun, kinds: names, ...opts });
  return object
    .transform((v) => v as OneKeyOf<T>)
    .meta({ minProperties: 1, maxProperties: 1 }) as unknown as KeyedUnion<T>;
}

/** The single key of a keyed-union value and its content. */
export function entryOf<T extends object>(value: T): [keyof T & string, T[keyof T]] {
  const [entry] = Object.entries(value) as [keyof T & string, T[keyof T]][];
  if (entry === undefined) throw new Error('keyed union value without a key (validated earlier)');
  return entry;
}
