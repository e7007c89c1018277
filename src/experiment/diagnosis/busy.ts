/**
 * Rule: a component more than 80% busy at the highest load is near saturation; the busiest
 * of those is the bottleneck (queueing delay grows as 1/(1-ρ) from there). Pools are left
 * to the pool rule: a full pool is a sizing question, not a busy CPU.
 */
import { highest, percent, type Finding, type Rule } from './types.js';

export const BUSY = 0.8;

export const busyRule: Rule = (input) => {
  const row = highest(input);
  if (row === undefined) return [];
  const hot = row.components
    .filter((c) => c.utilisation.n > 0 && c.utilisation.mean > BUSY && !isPool(c.kind))
    .sort((a, b) => b.utilisation.mean - a.utilisation.mean);
  return hot.map((c, i): Finding => ({
    rank: i === 0 ? 10 : 11,
    text: `${c.name} (${c.kind}) is ${percent(c.utilisation.mean)} busy at ${input.describe(row)}${i === 0 ? ': the bottleneck.' : '.'}`,
  }));
};

export const isPool = (kind: string): boolean => kind.includes('pool');
