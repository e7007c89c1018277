/**
 * Parsing of command-line quantities with the model language's own parsers, so
 * `--duration 10m` and `duration: 10m` mean the same and fail the same way.
 */
import { parseDuration, parseRate } from '../model/units.js';
import { UsageError } from './errors.js';

export function durationOption(flag: string, value: string): number {
  const r = parseDuration(value);
  if (!r.ok) throw new UsageError(`${flag}: expected ${r.problem.expected}, got "${value}"${r.problem.hint ? `\n  hint: ${r.problem.hint}` : ''}`);
  return r.value;
}

export function rateOption(flag: string, value: string): number {
  const r = parseRate(value);
  if (!r.ok) throw new UsageError(`${flag}: expected ${r.problem.expected}, got "${value}"${r.problem.hint ? `\n  hint: ${r.problem.hint}` : ''}`);
  return r.value;
}

export function seedOption(value: string): number | string {
  return /^-?\d+$/.test(value) ? Number(value) : value;
}
