/**
 * The YAML of a `shard_router`: the database components holding the shards, the key space
 * that picks one, the policy (modulo, range with boundaries, consistent_hash with virtual
 * nodes), and an optional resharding event — add or remove a shard at a time, with the
 * rows it copies and the cold reads it causes.
 */
import { z } from 'zod';
import { reject } from '../../model/schema/issue.js';
import { name } from '../../model/schema/names.js';
import { count, duration, rate } from '../../model/schema/units.js';
import { SHARD_POLICIES } from '../policies/sharding/index.js';

/** Ring points per shard when the model gives none: enough for a share within ~10% of 1/N. */
export const DEFAULT_VNODES = 128;
/** Extra latency of the first access to a moved key on its new shard: one random read from
 * network storage (EBS gp3 is ~1ms), as the row is not yet in that shard's buffer cache. */
export const DEFAULT_COLD_READ = 0.001;

const boundaries = (what: string) => z.array(count()).min(1)
  .describe(`${what}: N−1 ascending key values for N shards; shard i holds keys from boundary i−1 up to (not including) boundary i.`);

const copy = z.strictObject({
  read: name('query').describe('Query run on the shard a row leaves (from the shards\' catalogue), e.g. get_user.'),
  write: name('query').describe('Query run on the shard a row joins, e.g. insert_user.'),
  rate: rate().describe('Rows copied per second (a throttled background migration), e.g. 2k/s.'),
}).describe('The data migration: each moved row is read on its old shard and written on its new one, at a steady rate.');

const reshard = z.strictObject({
  at: duration().describe('When the shard map changes, from the start of the run.'),
  add: name('component').optional().describe('A database component that joins as a new shard.'),
  remove: name('component').optional().describe('A shard (from `shards`) that leaves; its keys move to the others.'),
  boundaries: boundaries('policy range only — the boundaries after the change').optional(),
  keys: count({ min: 1 })
    .describe('Keys (rows) held across the shards, numbered 1..keys as the key space draws them (e.g. its n: 1M): '
      + 'the moved fraction is counted over them and the migration copies the moved ones.'),
  copy: copy.optional(),
  flush: z.array(name('component')).optional()
    .describe('Caches emptied at the change, e.g. caches kept per shard whose contents no longer match (default: none).'),
  cold_read: duration().optional()
    .describe(`Extra latency of the first query of each moved key on its new shard, whose buffer cache has not seen it (default ${DEFAULT_COLD_READ * 1000}ms).`),
}).superRefine((r, ctx) => {
  if ((r.add === undefined) === (r.remove === undefined)) {
    reject(ctx, r, { code: r.add === undefined ? 'SIM_E_MISSING_FIELD' : 'SIM_E_INVALID_VALUE', detail: 'a resharding adds one shard or removes one', expected: 'exactly one of `add` or `remove`' });
  }
}).describe('A resharding event: at a time, add or remove one shard; keys move, rows are copied, moved keys start cold.');

export const shardRouterSchema = z.strictObject({
  kind: z.literal('shard_router'),
  shards: z.array(name('component')).min(1).describe('The database components holding the shards, e.g. [users_1, users_2, users_3].'),
  key: name('key space').describe('The key space whose value picks the shard, e.g. user. Queries whose row key is another space (or none) go to every shard.'),
  policy: z.enum(SHARD_POLICIES).default('consistent_hash')
    .describe('modulo: murmur3(key) mod N; range: by `boundaries`; consistent_hash: a murmur3 ring with `vnodes` points per shard (default).'),
  vnodes: count({ min: 1 }).optional().describe(`Policy consistent_hash only: ring points per shard (default ${DEFAULT_VNODES}).`),
  boundaries: boundaries('Policy range only (required)').optional(),
  reshard: reshard.optional(),
}).superRefine((c, ctx) => {
  const only = (field: 'vnodes' | 'boundaries', policy: string) => {
    if (c[field] === undefined || c.policy === policy) return;
    reject(ctx, c[field], { code: 'SIM_E_INVALID_VALUE', detail: `\`${field}\` applies to policy ${policy}, not ${c.policy}`, hint: `remove \`${field}\` or set \`policy: ${policy}\``, atKey: true }, [field]);
  };
  only('vnodes', 'consistent_hash');
  only('boundaries', 'range');
  c.shards.forEach((s, i) => {
    if (c.shards.indexOf(s) !== i) reject(ctx, s, { code: 'SIM_E_INVALID_VALUE', detail: `shard \`${s}\` is listed twice` }, ['shards', i]);
  });
  if (c.policy === 'range') checkBoundaries(ctx, c.boundaries, c.shards.length, ['boundaries']);
  const r = c.reshard;
  if (r === undefined) return;
  if (r.add !== undefined && c.shards.includes(r.add)) {
    reject(ctx, r.add, { code: 'SIM_E_INVALID_VALUE', detail: `\`${r.add}\` is already a shard`, expected: 'a database component not in `shards`' }, ['reshard', 'add']);
  }
  if (r.remove !== undefined && !c.shards.includes(r.remove)) {
    reject(ctx, r.remove, { code: 'SIM_E_DANGLING_REF', detail: `\`${r.remove}\` is not one of the shards`, expected: `one of: ${c.shards.join(', ')}` }, ['reshard', 'remove']);
  }
  if (r.remove !== undefined && c.shards.length === 1) {
    reject(ctx, r.remove, { code: 'SIM_E_INVALID_VALUE', detail: 'removing the only shard would leave none' }, ['reshard', 'remove']);
  }
  if (c.policy === 'range') {
    checkBoundaries(ctx, r.boundaries, c.shards.length + (r.add !== undefined ? 1 : -1), ['reshard', 'boundaries']);
  } else if (r.boundaries !== undefined) {
    reject(ctx, r.boundaries, { code: 'SIM_E_INVALID_VALUE', detail: `\`boundaries\` applies to policy range, not ${c.policy}`, atKey: true }, ['reshard', 'boundaries']);
  }
}).describe('Routes each query to one database shard by key (modulo, range or consistent hashing); keyless queries go to all shards.');

function checkBoundaries(ctx: z.core.$RefinementCtx<any>, b: readonly number[] | undefined, shards: number, path: (string | number)[]): void {
  const need = shards - 1;
  if (b === undefined) {
    if (need > 0) reject(ctx, undefined, { code: 'SIM_E_MISSING_FIELD', detail: `policy range needs ${need} boundaries for ${shards} shards`, hint: `e.g. boundaries: [${Array.from({ length: need }, (_, i) => `${i + 1}00k`).join(', ')}]` }, path);
    return;
  }
  if (b.length !== need) {
    reject(ctx, b, { code: 'SIM_E_INVALID_VALUE', detail: `${shards} shards need ${need} boundaries, not ${b.length}` }, path);
    return;
  }
  for (let i = 1; i < b.length; i++) {
    if (b[i]! <= b[i - 1]!) reject(ctx, b[i], { code: 'SIM_E_INVALID_VALUE', detail: 'boundaries must increase', expected: `a key above ${b[i - 1]}` }, [...path, i]);
  }
}

export type ShardRouterConfig = z.output<typeof shardRouterSchema>;
