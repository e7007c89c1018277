/**
 * Rule: mean database time per request above 100 ms at the highest load. Busy cores per
 * second over requests per second is the database core-time each request costs — high
 * values point at scans, missing indexes or N+1 queries rather than at too few servers.
 */
import { highest, ms, type Rule } from './types.js';

export const DB_MS_PER_REQUEST = 100;

export const dbTimeRule: Rule = (input) => {
  const row = highest(input);
  if (row === undefined || row.throughput.mean <= 0) return [];
  return row.components.filter((c) => c.kind === 'database' && c.utilisation.n > 0).flatMap((c) => {
    const cores = input.coresOf(c.name);
    if (cores === null) return [];
    const perRequest = ((c.utilisation.mean * cores) / row.throughput.mean) * 1000;
    if (!(perRequest > DB_MS_PER_REQUEST)) return [];
    return [{ rank: 40, text: `each request costs ${ms(perRequest)} of ${c.name} time on average at ${input.describe(row)}: look for scans, missing indexes and N+1 queries.` }];
  });
};
