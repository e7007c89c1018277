/**
 * The database's cost model: the mean CPU time of one query on the database server, from
 * how it finds its rows (primary key, secondary index, sequential scan), how many rows it
 * returns, its joins and whether it writes. A pure function, so the "add an index" and
 * "paginate" strategies can be checked without running anything.
 */

/** Coefficients of the cost model, in seconds. */
export interface CostCoefficients {
  /** Every statement: protocol, parse, plan (cached), executor start-up. */
  readonly base: number;
  /** Index probe: per level of log2(table rows) descended (pk and index lookups). */
  readonly per_level: number;
  /** Sequential scan: per row of the table read (100-byte rows; wider rows cost more). */
  readonly scan_per_row: number;
  /** Per row returned (or written): heap fetch, tuple forming, sending. */
  readonly per_row: number;
  /** Per join: another index probe and the join node. */
  readonly per_join: number;
  /** Per write statement: WAL records, buffer dirtying, commit. */
  readonly write_base: number;
  /** Per index maintained, per row written. */
  readonly per_index: number;
  /** Coefficient of variation of a query's time around its mean (lognormal noise). */
  readonly cv: number;
}

/**
 * Illustrative defaults, orders of magnitude from Postgres on a modern server core:
 * a primary-key lookup on a 1M-row table ≈ 20 + 1.5·log2(1M) ≈ 50 µs (+5 µs for its row);
 * a sequential scan reads ~10M narrow rows/s, i.e. ~1 ms per 10k rows; a single-row insert
 * ≈ 200 µs of CPU (WAL, the primary-key index); a join adds roughly a second index probe.
 */
export const DEFAULT_COSTS: CostCoefficients = {
  base: 20e-6,
  per_level: 1.5e-6,
  scan_per_row: 0.1e-6,
  per_row: 5e-6,
  per_join: 40e-6,
  write_base: 150e-6,
  per_index: 20e-6,
  cv: 0.5,
};

/** Row width the scan coefficient is quoted for. */
export const REFERENCE_ROW_BYTES = 100;

export type Lookup = 'pk' | 'index' | 'scan' | 'none';

export interface TableShape {
  readonly rows: number;
  readonly row_bytes: number;
  /** Indexes maintained on writes (the primary key counts). */
  readonly indexes: number;
}

export interface QueryShape {
  readonly lookup: Lookup;
  /** Rows returned (reads) or written (writes). */
  readonly rows: number;
  readonly write: boolean;
  readonly joins: number;
}

/** Time to find the rows: log-time for an index descent, linear in the table for a scan. */
export function lookupCost(lookup: Lookup, table: TableShape, c: CostCoefficients): number {
  switch (lookup) {
    case 'pk':
    case 'index':
      return c.per_level * Math.log2(Math.max(table.rows, 1));
    case 'scan':
      return c.scan_per_row * table.rows * (table.row_bytes / REFERENCE_ROW_BYTES);
    case 'none':
      return 0;
  }
}

/** Mean CPU seconds of one execution of `q` on `table`. */
export function meanQueryCost(q: QueryShape, table: TableShape, c: CostCoefficients): number {
  let cost = c.base + lookupCost(q.lookup, table, c) + c.per_row * q.rows + c.per_join * q.joins;
  if (q.write) cost += c.write_base + c.per_index * table.indexes * q.rows;
  return cost;
}
