/**
 * A closed-loop user's pause between tasks, as Locust writes it: `between(1s, 3s)`, or any
 * time distribution (`{ constant: 1s }`, `{ exponential: { mean: 2s } }`). Output is the
 * engine's DistributionSpec: `between(a, b)` is `{ uniform: { min: a, max: b } }`.
 */
import { z } from 'zod';
import { describeValue } from '../format.js';
import { DURATION_PATTERN, parseDuration } from '../units.js';
import { timeDistribution, type DistributionSpec } from './distribution.js';
import { reject } from './issue.js';

const BETWEEN = /^between\(\s*([^,]*?)\s*,\s*([^)]*?)\s*\)$/;
const EXPECTED = 'between(1s, 3s), or a distribution such as { exponential: { mean: 2s } }';

function between(): z.ZodType<DistributionSpec, unknown> {
  const bare = DURATION_PATTERN.slice(1, -1);
  return z.unknown().transform((value, ctx): DistributionSpec => {
    const m = typeof value === 'string' ? BETWEEN.exec(value.trim()) : null;
    if (m === null) {
      // A mapping belongs to the distribution branch; only strings are ours to judge.
      const code = typeof value === 'string' ? 'SIM_E_INVALID_VALUE' : 'SIM_E_INVALID_TYPE';
      const hint = parseDuration(value).ok ? `for a fixed pause write \`{ constant: ${String(value)} }\``
        // In a flow mapping `{ wait_time: between(1s, 3s) }` YAML splits at the comma.
        : typeof value === 'string' && value.startsWith('between(') ? 'inside { … } quote it: "between(1s, 3s)"' : undefined;
      reject(ctx, value, { code, expected: EXPECTED, ...(hint && { hint }) });
      return z.NEVER;
    }
    const [min, max] = [parseDuration(m[1]), parseDuration(m[2])];
    for (const [i, r] of [min, max].entries()) {
      if (!r.ok) {
        const got = describeValue(m[i + 1]);
        reject(ctx, value, { ...r.problem, detail: `in between(…): ${r.problem.detail ?? 'not a duration'}`, got });
        return z.NEVER;
      }
    }
    if (!min.ok || !max.ok) return z.NEVER;
    if (max.value < min.value) {
      reject(ctx, value, { code: 'SIM_E_INVALID_VALUE', detail: 'between(min, max) needs min <= max', expected: EXPECTED });
      return z.NEVER;
    }
    return { uniform: { min: min.value, max: max.value } };
  }).meta({ type: 'string', pattern: String.raw`^between\(\s*${bare}\s*,\s*${bare}\s*\)$`, examples: ['between(1s, 3s)'] });
}

/** `between(1s, 3s)` or a time distribution. */
export function waitTime(): z.ZodType<DistributionSpec, unknown> {
  return z.union([between(), timeDistribution()])
    .describe('Pause between a user\'s tasks: between(1s, 3s), { constant: 1s } or { exponential: { mean: 2s } }.');
}
