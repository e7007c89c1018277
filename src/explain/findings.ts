/**
 * What an architect should look at (warnings: overloaded or nearly saturated resources, a
 * peak above capacity, refused or timed-out requests, caches still cold after the warm-up)
 * and the approximations behind the numbers (notes), so no figure claims more than it is.
 */
import type { Analysis } from './analysis.js';
import { isStable } from './queues.js';
import type { EndpointRow, ResourceRow } from './types.js';

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

export function explanationWarnings(a: Analysis, rows: readonly ResourceRow[], endpoints: readonly EndpointRow[]): string[] {
  const out: string[] = [];
  const open = a.traffic.openRates.reduce((s, r) => s + r, 0);
  for (const r of rows) {
    if (r.verdict === 'overloaded') out.push(`${r.id} is overloaded (U = ${r.utilisation.toFixed(2)}): the queue grows without bound`);
    else if (r.verdict === 'saturated') out.push(`${r.id} is saturated (U = ${r.utilisation.toFixed(2)}): the users queue here, and more users would only add waiting`);
    else if (r.verdict === 'saturating') out.push(`${r.id} at ${pct(r.utilisation)}: queueing grows steeply this close to saturation`);
    else if (open > 0 && a.traffic.openPeak > open * 1.001 && r.utilisation * (a.traffic.openPeak / open) >= 1) {
      out.push(`${r.id}: at the peak rate (${a.traffic.openPeak.toPrecision(3)} req/s) it would need ${pct(r.utilisation * a.traffic.openPeak / open)} of its capacity — queues build during the peak`);
    }
  }
  if (a.traffic.retrying.length > 0 && out.some((w) => /overloaded|at the peak rate/.test(w))) {
    out.push(`${a.traffic.retrying.join(', ')}: clients retry failed attempts — under overload the retries add load explain does not count (a retry storm can keep the system saturated after the cause is gone)`);
  }
  for (const [id, res] of a.solution.residences) {
    if (isStable(res) && res.pBlock !== undefined && res.pBlock > 0.001) out.push(`${id} turns away ${pct(res.pBlock)} of its arrivals (capacity K; M/M/c/K)`);
  }
  tierWarnings(a, endpoints, out);
  cacheWarnings(a, out);
  for (const c of a.cat.model.components) {
    const at = c.kind === 'shard_router' ? (c.config as { reshard?: { at?: number } }).reshard?.at : undefined;
    if (at !== undefined) out.push(`${c.name}: the resharding at ${at} s is left out: the figures describe the shards before it`);
  }
  for (const c of a.cat.unmodelled) out.push(`${c.name} (${c.kind}) is not modelled by explain: its effect is left out`);
  for (const k of a.ignoredSteps) out.push(`\`${k}\` steps are not modelled by explain: their work is left out`);
  if (a.cat.tiers.length === 0 && a.items.some((list) => list.some((i) => i.kind === 'cpu'))) {
    out.push(`no app tier found behind the entry ${a.cat.model.entry}: CPU steps are left out`);
  }
  if (!a.converged) out.push('the estimates did not settle (cache hit ratios ↔ throughput); figures are from the last round');
  return out;
}

function tierWarnings(a: Analysis, endpoints: readonly EndpointRow[], out: string[]): void {
  const X = a.solution.throughput;
  for (const r of a.resources) {
    if (r.discipline !== 'hold') continue;
    const tier = a.cat.tiers.find((t) => t.name === r.tier)!;
    const wait = a.solution.holds.get(r.id)!.wait;
    const queued = wait === null ? Infinity : (X * tier.share * wait) / tier.settings.instances;
    if (queued > 0.5 * tier.settings.acceptLimit) {
      out.push(`${tier.name}: ~${Number.isFinite(queued) ? queued.toFixed(0) : 'unbounded'} requests wait for a ${r.role.replace(/s$/, '')} per instance against accept_queue ${tier.settings.acceptLimit}: expect 503 accept_queue_full`);
    }
  }
  const timeout = Math.min(...a.cat.tiers.map((t) => t.settings.timeout));
  for (const e of endpoints) {
    if (e.latencyMs !== null && e.latencyMs / 1000 > timeout / 3) {
      out.push(`${e.name}: mean latency ${Math.round(e.latencyMs)} ms is over a third of request_timeout: its slow tail will see 504s`);
    }
  }
}

function cacheWarnings(a: Analysis, out: string[]): void {
  const warmup = a.cat.model.run.warmup;
  for (const c of a.caches.values()) {
    const info = a.cat.caches.get(c.cache)!;
    const fill = Math.min(c.estimate.characteristicTime, info.config.ttl ?? Infinity);
    if (c.keys.length > 0 && fill > warmup) {
      const time = Number.isFinite(fill) ? `~${Math.round(fill)} s` : 'a long time';
      out.push(`${c.cache}: the hit ratio ${pct(c.estimate.overall)} is the steady state; the cache takes ${time} to fill, longer than the ${warmup} s warm-up, so a run sees fewer hits`);
    }
  }
}

export function explanationNotes(a: Analysis): string[] {
  const notes = [...a.traffic.notes, ...a.solution.notes];
  if (a.resources.some((r) => r.discipline === 'hold')) {
    notes.push('workers/threads hold a request for its whole residence: modelled as a multi-server station whose service is that residence (an approximation)');
  }
  if (a.resources.some((r) => r.discipline === 'ps')) {
    notes.push('processor sharing on c cores: same mean queue as c exponential servers (insensitivity); a visit is stretched in proportion to its work');
  }
  if (a.resources.some((r) => r.speed !== 1 && r.discipline !== 'free')) notes.push('fractional cores c: ⌊c⌋ servers of speed c/⌊c⌋ (one slower server when c < 1)');
  if (a.caches.size > 0) notes.push('cache hit ratios: steady state for independent requests (key popularity × capacity × eviction × TTL); first-touch misses and single_flight are not counted');
  if (a.routing.ryw.size > 0) notes.push('read-your-writes: a read goes to the primary when its user wrote within the window, users writing as Poisson streams by key popularity');
  if ([...a.cat.stations.values()].some((s) => s.discipline === 'priority')) notes.push('priority stations: the mean over all classes (as FCFS); each class waits differently');
  if (a.cat.routers.size > 0) notes.push('shard routers: keyed queries spread evenly over the shards; a scatter-gather query runs on every shard and is timed as one of them (not the slowest)');
  if (a.cat.tiers.length > 1) notes.push('requests are spread over the instances of all target tiers evenly (by weight for weighted policies)');
  return notes;
}
