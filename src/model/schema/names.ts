/**
 * Names and weighted choices shared by every part of the model: a `name()` is how one part
 * refers to another (endpoints, components, key spaces), checked for existence later by the
 * normalizer; `weights()` is a mix such as `{ get_user: 8, update_user: 20% }`.
 */
import { z } from 'zod';
import { reject } from './issue.js';
import { fraction } from './units.js';

export const NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_.-]*$';

/** An identifier naming something defined elsewhere in the model. */
export function name(what = 'name'): z.ZodString {
  return z.string()
    .regex(new RegExp(NAME_PATTERN), { message: `${what} names start with a letter or _ and hold only letters, digits, _ . -` })
    .describe(`The ${what} (letters, digits, _ . -).`);
}

/** A relative weight: a number >= 0 or a percentage. */
export function weight(): z.ZodType<number, unknown> {
  return fraction({ checked: false })
    .pipe(z.number().min(0))
    .meta({
      description: 'A relative weight (a number >= 0) or a percentage, e.g. 8 or 80%.',
      anyOf: [{ type: 'number', minimum: 0 }, { type: 'string', pattern: String.raw`^\d+(\.\d+)?\s*%$` }],
    });
}

/** `{ name: weight, … }` with at least one positive weight: a random choice among names. */
export function weights(what: string): z.ZodType<Record<string, number>, unknown> {
  return z.record(name(what), weight())
    .superRefine((mix, ctx) => {
      if (Object.values(mix).some((w) => w > 0)) return;
      const detail = Object.keys(mix).length === 0 ? `no ${what}s listed` : 'every weight is 0';
      reject(ctx, mix, { code: 'SIM_E_INVALID_VALUE', detail, expected: `at least one ${what} with a weight > 0` });
    }, { when: (payload) => payload.issues.length === 0 })
    .describe(`Each ${what} with its relative weight, e.g. { a: 8, b: 2 }.`);
}
