/**
 * The shard router's report: queries per shard and the hottest-to-mean ratio (hot keys make
 * hot shards), the share that scattered, each shard's CPU utilisation (the router's own
 * utilisation is the hottest shard's), and after a resharding what moved, what was copied
 * and how many cold reads it caused. Figures without data are left out.
 */
import type { ComponentReport } from '../define.js';
import type { ShardRouter } from './runtime.js';

export function routerReport(r: ShardRouter, now: number): ComponentReport {
  const { names, shards } = r.settings;
  const extra: Record<string, number> = { queries: r.keyed + r.scattered, keyed: r.keyed, scattered: r.scattered, shards: r.current.length };
  let hottest = 0;
  let total = 0;
  let utilisation: number | undefined;
  for (const s of r.current) {
    const q = r.perShard[s]!;
    total += q;
    hottest = Math.max(hottest, q);
  }
  shards.forEach((db, s) => {
    extra[`shard_${names[s]}_queries`] = r.perShard[s]!;
    const u = (db as Partial<{ report(now: number): ComponentReport }>).report?.(now).utilisation;
    if (u === undefined) return;
    extra[`shard_${names[s]}_utilisation`] = u;
    if (r.current.includes(s)) utilisation = Math.max(utilisation ?? 0, u);
  });
  // hottest over mean, among the shards in the map at the end of the run
  if (total > 0) extra.hot_to_mean = hottest / (total / r.current.length);
  const rs = r.reshard;
  if (rs !== null) {
    extra.reshard_at = rs.spec.at;
    if (rs.movement !== null) {
      extra.moved_fraction = rs.movement.fraction;
      extra.moved_keys = rs.movement.moved;
      extra.keys_examined = rs.movement.keys;
      extra.moved_queries = r.movedQueries;
      if (r.keyedAfter > 0) extra.moved_query_fraction = r.movedQueries / r.keyedAfter;
      extra.cold_reads = r.coldReads;
      if (rs.spec.flush.length > 0) extra.cache_entries_flushed = rs.flushed;
    }
    const m = rs.migration;
    if (m !== null) {
      extra.migration_rows_copied = m.copied;
      extra.migration_rows_in_flight = m.inFlight;
      if (m.finishedAt >= 0) extra.migration_seconds = m.finishedAt - m.started;
    }
  }
  const report: ComponentReport = { name: r.name, kind: r.kind, costPerHour: 0, extra };
  if (utilisation !== undefined) report.utilisation = utilisation;
  return report;
}
