/**
 * Rule: a connection pool more than 90% in use, or whose requests wait more than 10 ms
 * (p95) for a connection, at the highest load: requests queue for connections rather than
 * for the database itself — grow the pool or cut the time each request holds one.
 */
import { isPool } from './busy.js';
import { highest, ms, percent, type Rule } from './types.js';

export const POOL_BUSY = 0.9;
export const POOL_WAIT_MS = 10;

export const poolRule: Rule = (input) => {
  const row = highest(input);
  if (row === undefined) return [];
  return row.components.filter((c) => isPool(c.kind)).flatMap((c) => {
    const busy = c.utilisation.n > 0 && c.utilisation.mean > POOL_BUSY;
    const wait = c.poolWaitP95Ms !== undefined && c.poolWaitP95Ms > POOL_WAIT_MS;
    if (!busy && !wait) return [];
    const parts = [
      ...(c.utilisation.n > 0 ? [`${percent(c.utilisation.mean)} in use`] : []),
      ...(c.poolWaitP95Ms !== undefined ? [`connection wait p95 ${ms(c.poolWaitP95Ms)}`] : []),
    ];
    return [{ rank: 20, text: `${c.name} is exhausted at ${input.describe(row)} (${parts.join(', ')}): requests wait for connections.` }];
  });
};
