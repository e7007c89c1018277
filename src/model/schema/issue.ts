/**
 * The bridge from custom zod checks to the error catalogue. A schema author who needs a
 * rule zod cannot express calls `reject(ctx, …)` (or passes `params: { hint }` to
 * `.refine`) and validate.ts turns it into a ModelError with the code, expected and hint.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../errors.js';
import type { PathSegment } from '../format.js';

/** What a custom issue may carry in `params.sim`; every field is optional. */
export interface SimIssue {
  code?: ErrorCode;
  detail?: string;
  expected?: string;
  got?: string;
  hint?: string;
  /** Point at the key itself rather than its value (e.g. a misspelt choice). */
  atKey?: boolean;
  /** This error explains everything below its path; drop the errors found there. */
  subsumes?: boolean;
}

/** Records a catalogue error at `path` (relative to the schema being checked). */
export function reject(ctx: z.core.$RefinementCtx<any>, input: unknown, sim: SimIssue, path: readonly PathSegment[] = []): void {
  ctx.addIssue({
    code: 'custom',
    message: sim.detail ?? (sim.expected === undefined ? 'invalid value' : `expected ${sim.expected}`),
    input,
    path: [...path],
    params: { sim },
  });
}

export function isSimIssue(issue: { code: string; params?: unknown }): boolean {
  return issue.code === 'custom' && (issue.params as { sim?: unknown } | undefined)?.sim !== undefined;
}

/** Reads back the catalogue fields from a finished zod issue, if it carries any. */
export function simOf(issue: { code: string; params?: unknown }): SimIssue | undefined {
  if (issue.code !== 'custom' || typeof issue.params !== 'object' || issue.params === null) return undefined;
  const params = issue.params as { sim?: SimIssue; hint?: unknown; expected?: unknown };
  if (params.sim !== undefined) return params.sim;
  // Plain `.refine(fn, { message, params: { hint } })` works too, for component authors.
  const out: SimIssue = {};
  if (typeof params.hint === 'string') out.hint = params.hint;
  if (typeof params.expected === 'string') out.expected = params.expected;
  return out;
}
