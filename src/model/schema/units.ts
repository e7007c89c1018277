/**
 * zod schemas for quantities with units: `duration()`, `rate()`, `fraction()`, `count()`.
 * Each parses what the user wrote into a plain number and reports mistakes through the
 * error catalogue; its JSON Schema is a string pattern with examples so editors can help.
 * Defaults must go through parsing: write `.prefault('1s')` (input form), or `.default(1)`.
 */
import { z } from 'zod';
import {
  COUNT_PATTERN, DURATION_PATTERN, PERCENT_PATTERN, RATE_PATTERN, SIGNED_DURATION_PATTERN,
  parseCount, parseDuration, parseFraction, parseRate, type Parsed,
} from '../units.js';
import { reject } from './issue.js';

/** A zod schema taking whatever YAML produced and giving a number. */
export type Quantity = z.ZodPipe<z.ZodUnknown, z.ZodTransform<number, unknown>>;

function quantity(parse: (value: unknown) => Parsed, meta: Record<string, unknown>): Quantity {
  const schema = z.unknown().transform((value, ctx): number => {
    const r = parse(value);
    if (r.ok) return r.value;
    reject(ctx, value, r.problem);
    return z.NEVER;
  });
  // The input is `unknown` to zod so that every mistake gets our message; the meta tells
  // JSON Schema (and so editors) what is really accepted.
  return schema.meta(meta);
}

export function duration(opts: { signed?: boolean } = {}): Quantity {
  return quantity((v) => parseDuration(v, opts), {
    description: 'A duration: a number with a unit (ns, us, ms, s, m, h, d), e.g. 250ms, 2s, 5m. 0 needs no unit.',
    anyOf: [
      { type: 'string', pattern: opts.signed ? SIGNED_DURATION_PATTERN : DURATION_PATTERN, examples: ['250ms', '2s', '5m'] },
      { const: 0 },
    ],
  });
}

export function rate(): Quantity {
  return quantity(parseRate, {
    description: 'A rate per unit of time, e.g. 2000/s, 120/min, 2k/s. 0 needs no unit.',
    anyOf: [
      { type: 'string', pattern: RATE_PATTERN, examples: ['2000/s', '120/min', '2k/s'] },
      { const: 0 },
    ],
  });
}

/** `checked: false` accepts any number or percentage and leaves the range to the caller. */
export function fraction(opts: { checked?: boolean } = {}): Quantity {
  return quantity((v) => parseFraction(v, opts), {
    description: 'A fraction between 0 and 1, or a percentage, e.g. 0.8 or 80%.',
    anyOf: [
      { type: 'number', minimum: 0, maximum: 1 },
      { type: 'string', pattern: PERCENT_PATTERN, examples: ['80%', '99.9%'] },
    ],
  });
}

export function count(opts: { min?: number } = {}): Quantity {
  const min = opts.min ?? 0;
  return quantity((v) => parseCount(v, { min }), {
    description: 'A whole number, optionally with a k (thousand), M (million) or G (billion) suffix, e.g. 500, 100k, 1M.',
    anyOf: [
      { type: 'integer', minimum: min },
      { type: 'string', pattern: COUNT_PATTERN, examples: ['100k', '1M'] },
    ],
  });
}
