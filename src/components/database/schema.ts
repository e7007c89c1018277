/**
 * The YAML of a `database` component: a primary (cores, max_connections), its tables, a
 * catalogue of named queries priced by the cost model (query-cost.ts), the model's
 * coefficients, and optional read replicas with their lag and read-your-writes window.
 */
import { z } from 'zod';
import { timeDistribution } from '../../model/schema/distribution.js';
import { reject } from '../../model/schema/issue.js';
import { name } from '../../model/schema/names.js';
import { count, duration } from '../../model/schema/units.js';
import { costFields } from '../define.js';
import { DEFAULT_COSTS, REFERENCE_ROW_BYTES } from './query-cost.js';

const us = (s: number) => `${Math.round(s * 1e7) / 10}µs`;
const coefficient = (text: string, value: number) => duration().optional().describe(`${text} (default ${us(value)}).`);

const costs = z.strictObject({
  base: coefficient('CPU time of any statement: protocol, parse, cached plan, executor start-up', DEFAULT_COSTS.base),
  per_level: coefficient('Index lookups: time per level of log2(table rows) descended', DEFAULT_COSTS.per_level),
  scan_per_row: coefficient(`Sequential scans: time per table row read (${REFERENCE_ROW_BYTES}-byte rows; wider rows cost more)`, DEFAULT_COSTS.scan_per_row),
  per_row: coefficient('Time per row returned or written', DEFAULT_COSTS.per_row),
  per_join: coefficient('Time per join', DEFAULT_COSTS.per_join),
  write_base: coefficient('Extra time of a write statement: WAL, dirty buffers, commit', DEFAULT_COSTS.write_base),
  per_index: coefficient('Writes: time per index maintained, per row written', DEFAULT_COSTS.per_index),
  cv: z.number().min(0).optional()
    .describe(`Spread of a query's time around the model's mean: lognormal with this coefficient of variation (default ${DEFAULT_COSTS.cv}; 0 for constant times).`),
}).describe('Coefficients of the query cost model; each defaults to an illustrative Postgres figure.');

const table = z.strictObject({
  rows: count().describe('Rows in the table, e.g. 1M: scans grow with it linearly, index probes with its log.'),
  row_bytes: count({ min: 1 }).optional().describe(`Average row width in bytes; scans cost proportionally (default ${REFERENCE_ROW_BYTES}).`),
  indexes: count().optional().describe('Indexes maintained on writes, the primary key included (default 1).'),
}).describe('A table: its size drives the cost of the queries that read it.');

const query = z.strictObject({
  table: name('table').describe('The table the query reads or writes (from `tables:`).'),
  lookup: z.enum(['pk', 'index', 'scan', 'none']).optional()
    .describe('How rows are found: pk or index (a B-tree probe, log of the table size), scan (no usable index: reads the '
      + 'whole table), none (an insert). Default: pk for reads, none for writes.'),
  rows: count().default(1).describe('Rows returned (a page: 20) or written (default 1).'),
  write: z.boolean().default(false).describe('An INSERT/UPDATE/DELETE: runs on the primary and replicates to the replicas.'),
  joins: count().default(0).describe('Joins (select_related): each adds per_join.'),
  key: name('key space').optional()
    .describe('Key space whose value identifies the row, for stale-read tracking and read-your-writes; `none` for '
      + 'none (default: user for single-row queries, when that key space exists).'),
  cost: timeDistribution().optional()
    .describe('An explicit CPU time per execution, overriding the cost model, e.g. { exponential: { mean: 2ms } }.'),
}).describe('A query of the catalogue, priced by the cost model.');

const replicas = z.strictObject({
  count: count().describe('Number of read replicas.'),
  lag: timeDistribution().optional()
    .describe('Replication lag of each write on each replica, e.g. { exponential: { mean: 20ms } } (default: exponential, mean 10ms).'),
  reads: z.enum(['replicas', 'primary']).default('replicas')
    .describe('Where reads with route auto go: replicas (spread, least busy first) or primary.'),
  read_your_writes: duration().optional()
    .describe('For this long after a user writes, their auto-routed reads go to the primary (e.g. 1s); default: off.'),
  cores: z.number().positive().optional().describe("Cores of each replica (default: the primary's)."),
  ...costFields,
}).superRefine((r, ctx) => {
  if (r.read_your_writes !== undefined && !(r.read_your_writes > 0)) {
    reject(ctx, r.read_your_writes, { code: 'SIM_E_INVALID_VALUE', expected: 'a duration > 0, e.g. 1s', hint: 'omit read_your_writes to turn it off' }, ['read_your_writes']);
  }
}).describe('Read replicas (streaming replication, asynchronous).');

export const databaseSchema = z.strictObject({
  kind: z.literal('database'),
  cores: z.number().positive().default(2).describe('CPU cores of the primary, shared by the queries running (processor sharing; default 2).'),
  max_connections: count({ min: 1 }).default(100).describe('Most connections open at once (Postgres max_connections, default 100).'),
  tables: z.record(name('table'), table).describe('Tables by name, e.g. { users: { rows: 1M } }.'),
  queries: z.record(name('query'), query).describe('The query catalogue that `db:` steps name.'),
  costs: costs.optional(),
  replicas: replicas.optional(),
  ...costFields,
}).superRefine((db, ctx) => {
  const tables = Object.keys(db.tables);
  for (const [q, spec] of Object.entries(db.queries)) {
    if (Object.hasOwn(db.tables, spec.table)) continue;
    reject(ctx, spec.table, {
      code: 'SIM_E_DANGLING_REF', detail: `query \`${q}\` reads table \`${spec.table}\`, which \`tables:\` does not define`,
      expected: tables.length > 0 ? `one of: ${tables.join(', ')}` : 'a table defined under `tables:`',
      hint: `add it: tables: { ${spec.table}: { rows: 100k } }`,
    }, ['queries', q, 'table']);
  }
}).describe('A database: a primary with cores and a query catalogue, plus optional read replicas.');

export type DatabaseConfig = z.output<typeof databaseSchema>;
export type QueryConfig = DatabaseConfig['queries'][string];
