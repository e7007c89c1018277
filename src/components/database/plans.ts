/**
 * The query catalogue compiled once at build time: each entry becomes a QueryPlan with its
 * mean cost precomputed (or its explicit cost distribution), its table number (row keys of
 * different tables never collide) and the key space identifying its row.
 */
import { fromSpec } from '../../engine/random/spec.js';
import type { Distribution } from '../../engine/types.js';
import type { QueryPlan } from '../contracts.js';
import { DEFAULT_COSTS, REFERENCE_ROW_BYTES, meanQueryCost, type CostCoefficients } from './query-cost.js';
import type { DatabaseConfig, QueryConfig } from './schema.js';

export interface CompiledQuery extends QueryPlan {
  /** Position in the catalogue (per-query counters are indexed by it). */
  readonly index: number;
  /** Mean CPU seconds per execution. */
  readonly mean: number;
  /** The explicit cost distribution, or null: the model's mean times the database's noise. */
  readonly cost: Distribution | null;
  /** Added to the key value to make a row key unique across tables: table number × 2^32. */
  readonly rowBase: number;
}

const TABLE_SPACE = 2 ** 32;

/** The coefficients in force: the model's, each defaulting to DEFAULT_COSTS. */
export function coefficients(config: DatabaseConfig): CostCoefficients {
  const given = Object.fromEntries(Object.entries(config.costs ?? {}).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_COSTS, ...given };
}

export function compilePlans(
  dbName: string,
  config: DatabaseConfig,
  keySpaceIndex: (name: string) => number,
): Map<string, CompiledQuery> {
  const costs = coefficients(config);
  const tables = Object.keys(config.tables);
  const plans = new Map<string, CompiledQuery>();
  Object.entries(config.queries).forEach(([name, q], index) => {
    const t = config.tables[q.table]!;
    const shape = { lookup: q.lookup ?? (q.write ? 'none' : 'pk'), rows: q.rows, write: q.write, joins: q.joins } as const;
    const table = { rows: t.rows, row_bytes: t.row_bytes ?? REFERENCE_ROW_BYTES, indexes: t.indexes ?? 1 };
    const cost = q.cost === undefined ? null : fromSpec(q.cost);
    plans.set(name, {
      name,
      index,
      write: q.write,
      keySpace: rowKeySpace(dbName, name, q, keySpaceIndex),
      mean: cost === null ? meanQueryCost(shape, table, costs) : cost.mean,
      cost,
      rowBase: tables.indexOf(q.table) * TABLE_SPACE,
    });
  });
  return plans;
}

/** The key space naming the row: as given, `none`, or `user` for single-row queries. */
function rowKeySpace(dbName: string, query: string, q: QueryConfig, keySpaceIndex: (name: string) => number): number {
  if (q.key === 'none') return -1;
  if (q.key !== undefined) {
    try {
      return keySpaceIndex(q.key);
    } catch {
      throw new Error(`database ${dbName}: query ${query}: key \`${q.key}\` is not a key space defined under \`keys:\` (write \`key: none\` for none)`);
    }
  }
  return q.rows === 1 ? optionalSpace('user', keySpaceIndex) : -1;
}

/** The index of key space `name`, or -1 when the model has none by that name. */
export function optionalSpace(name: string, keySpaceIndex: (name: string) => number): number {
  try {
    return keySpaceIndex(name);
  } catch {
    return -1;
  }
}
