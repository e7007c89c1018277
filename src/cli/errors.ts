/**
 * How the CLI ends: user mistakes (the model catalogue, bad flags) print a clear message and
 * exit 2; an SLO check that fails exits 1; anything else is a bug and keeps its stack trace.
 */
import { ModelError, ModelErrors } from '../model/errors.js';

export class UsageError extends Error {}

export const EXIT = { ok: 0, sloViolated: 1, badInput: 2 } as const;

export function reportAndExit(err: unknown): never {
  if (err instanceof ModelErrors || err instanceof ModelError || err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(EXIT.badInput);
  }
  throw err;
}
