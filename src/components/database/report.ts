/**
 * The database's end-of-run report: primary CPU utilisation and queueing, each replica's
 * utilisation and share of reads, queries by name and by kind, the mean query time (round
 * trip included), stale reads, connections and cost. Figures without data are left out.
 */
import type { ComponentReport } from '../define.js';
import type { DatabaseComponent } from './runtime.js';

export function databaseReport(db: DatabaseComponent, now: number): ComponentReport {
  const p = db.primary;
  const busy = p.busy.mean(now);
  const report: ComponentReport = {
    name: db.name,
    kind: db.kind,
    utilisation: busy / p.cores,
    // queries beyond the cores: those a FIFO server would have kept waiting
    meanQueue: Math.max(0, p.inSystemGauge.mean(now) - busy),
    maxQueue: Math.max(0, Math.ceil(p.inSystemGauge.max - p.cores)),
    costPerHour: db.settings.costPerHour,
  };
  const extra: Record<string, number> = {
    queries: db.reads + db.writes,
    reads: db.reads,
    writes: db.writes,
    connections_max: db.connections.gauge.max,
    connections_mean: db.connections.gauge.mean(now),
    connections_refused: db.connections.refused,
    max_connections: db.connections.limit,
  };
  if (db.writesRefused > 0) extra.write_unavailable = db.writesRefused;
  if (db.completed > 0) extra.mean_query_ms = (db.timeSum / db.completed) * 1000;
  for (const [name, plan] of db.settings.plans) extra[`queries_${name}`] = db.executions[plan.index]!;
  const replicas = db.replicas;
  if (replicas !== null) {
    report.staleReads = db.staleReads;
    extra.replica_reads = db.replicaReads;
    extra.ryw_primary_reads = db.rywPrimaryReads;
    replicas.stations.forEach((s, i) => {
      extra[`replica_${i + 1}_utilisation`] = s.busy.mean(now) / s.cores;
      extra[`replica_${i + 1}_reads`] = replicas.reads[i]!;
    });
    extra.stale_rows_tracked = db.staleness!.size;
  }
  report.extra = extra;
  return report;
}
