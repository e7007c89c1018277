/**
 * Per-shard load of a results row, from the shard routers' reports: each shard's CPU
 * utilisation and share of its router's queries, and the hottest-to-mean ratio, averaged
 * over replications. Zipf-popular keys make hot shards; this is where a reader sees it.
 */
import type { ComponentReport } from '../components/define.js';
import { round } from '../metrics/summary.js';
import type { ShardLoad } from './results.js';

const PER_SHARD = /^shard_(.+)_(queries|utilisation)$/;

const mean = (xs: readonly number[]): number => round(xs.reduce((a, b) => a + b, 0) / xs.length, 4);

/** Null when no replication's model has a shard router. */
export function shardLoads(reps: readonly (readonly ComponentReport[])[]): { shards: ShardLoad[]; hotToMean: number | null } | null {
  const routers = (reps[0] ?? []).filter((c) => c.kind === 'shard_router').map((c) => c.name);
  if (routers.length === 0) return null;
  const shards: ShardLoad[] = [];
  const hot: number[] = [];
  for (const router of routers) {
    const perRep = reps.map((cs) => perShard(cs.find((c) => c.name === router)));
    for (const name of perRep[0]!.keys()) {
      const of = (f: (s: { queries: number; utilisation: number; share: number }) => number) =>
        mean(perRep.flatMap((m) => { const s = m.get(name); return s === undefined ? [] : [f(s)]; }));
      shards.push({ router, name, utilisation: of((s) => s.utilisation), share: of((s) => s.share) });
    }
    const ratios = reps.flatMap((cs) => {
      const h = cs.find((c) => c.name === router)?.extra?.hot_to_mean;
      return h === undefined || !Number.isFinite(h) ? [] : [h];
    });
    if (ratios.length > 0) hot.push(mean(ratios));
  }
  return { shards, hotToMean: hot.length === 0 ? null : Math.max(...hot) };
}

/** Shard name → its queries, utilisation and share of the router's per-shard query total. */
function perShard(report: ComponentReport | undefined): Map<string, { queries: number; utilisation: number; share: number }> {
  const out = new Map<string, { queries: number; utilisation: number; share: number }>();
  for (const [key, value] of Object.entries(report?.extra ?? {})) {
    const m = PER_SHARD.exec(key);
    if (m === null || !Number.isFinite(value)) continue;
    const s = out.get(m[1]!) ?? { queries: 0, utilisation: 0, share: 0 };
    if (m[2] === 'queries') s.queries = value;
    else s.utilisation = value;
    out.set(m[1]!, s);
  }
  const total = [...out.values()].reduce((n, s) => n + s.queries, 0);
  for (const s of out.values()) s.share = total > 0 ? s.queries / total : 0;
  return out;
}
