/**
 * Connections by Little's law: connections in use = throughput × the time each request
 * holds one — from its first `db` step to its end (hold: request), or for its db steps only
 * (hold: query, PgBouncer transaction mode). Compared with the pool (size + max_overflow per
 * instance), PgBouncer's server pool and the database's max_connections; P(wait) is Erlang C.
 */
import { erlangC } from '../analytic/index.js';
import type { Catalogue, TierInfo } from './catalogue.js';
import type { EndpointCost } from './demands.js';
import type { Item } from './items.js';
import { residenceOf, type ResidenceResult } from './queues.js';
import type { PoolRow } from './types.js';

export interface HoldTimes {
  /** Mean seconds per request of the mix holding a connection from the first db step on. */
  readonly request: number | null;
  /** Mean seconds per request spent in db steps. */
  readonly query: number | null;
}

/** Hold times over the mix: a step counts for a request-scoped hold with the probability a
 * db step has run by then (branches taken as nested: the most likely earlier db step). */
export function holdTimes(items: readonly (readonly Item[])[], costs: readonly EndpointCost[], shares: readonly number[], res: ReadonlyMap<string, ResidenceResult>): HoldTimes {
  let request = 0, query = 0;
  for (let e = 0; e < items.length; e++) {
    let held = 0;
    for (let j = 0; j < items[e]!.length; j++) {
      const it = items[e]![j]!;
      const r = residenceOf(costs[e]!.steps[j]!.uses, costs[e]!.steps[j]!.delay, res);
      if (r === null) return { request: null, query: null };
      if (it.kind === 'db') {
        held = Math.max(held, it.p);
        query += shares[e]! * it.p * r;
      }
      request += shares[e]! * Math.min(it.p, held) * r;
    }
  }
  return { request, query };
}

type Verdict = PoolRow['verdict'];

/** Erlang C wait probability for `c` connections offered `a`, or null when a >= c. */
function pWait(c: number, a: number): number | null {
  return a < c ? erlangC(c, a) : null;
}

function verdictOf(inUse: number, limit: number, p: number | null): Verdict {
  if (p === null) return 'saturated';
  if (p > 0.05 || inUse > 0.8 * limit) return 'queues';
  return 'ok';
}

export function poolRows(cat: Catalogue, X: number, hold: HoldTimes, warnings: string[]): PoolRow[] {
  const rows = poolFigures(cat, X, hold, warnings);
  for (const r of rows) {
    if (r.verdict === 'ok') continue;
    const per = r.tier === null ? '' : ' per instance';
    const busy = r.inUse === null ? 'an unbounded number of' : `~${r.inUse.toFixed(1)}`;
    const room = r.overflow > 0 ? `${r.size} + ${r.overflow}` : String(r.size);
    warnings.push(`${r.name}: ${busy} connections busy${per} for ${room}: requests ${r.verdict === 'saturated' ? 'pile up waiting' : 'often wait'} for a connection`
      + ' (the database times above assume they do not, so they overstate its queue)');
  }
  return rows;
}

function poolFigures(cat: Catalogue, X: number, hold: HoldTimes, warnings: string[]): PoolRow[] {
  const rows: PoolRow[] = [];
  const tiersUsing = (pool: string) => cat.tiers.filter((t) => t.pool === pool);
  for (const name of cat.pools.keys()) {
    for (const t of tiersUsing(name)) rows.push(appPool(cat, name, t, X, hold, warnings));
  }
  for (const [name, b] of cat.bouncers) {
    const direct = tiersUsing(name);
    const clients = [...cat.pools].filter(([, p]) => p.database === name).map(([n]) => n);
    const share = [...direct, ...cat.tiers.filter((t) => t.pool !== null && clients.includes(t.pool))].reduce((s, t) => s + t.share, 0);
    const seconds = b.mode === 'transaction' ? hold.query : hold.request;
    const inUse = seconds === null ? null : X * share * seconds;
    const p = inUse === null ? null : pWait(b.pool_size, inUse);
    const db = cat.databases.get(b.database);
    if (db !== undefined && b.pool_size > db.config.max_connections) {
      warnings.push(`${name}: pool_size ${b.pool_size} exceeds ${b.database}'s max_connections ${db.config.max_connections}; ${b.pool_size - db.config.max_connections} server connections are never opened`);
    }
    rows.push({
      name, kind: 'pgbouncer', tier: null, instances: 1, holds: b.mode, holdMs: ms(seconds), inUse,
      size: b.pool_size, overflow: 0, pWait: p, verdict: inUse === null ? 'saturated' : verdictOf(inUse, b.pool_size, p),
    });
  }
  return rows;
}

function appPool(cat: Catalogue, name: string, t: TierInfo, X: number, hold: HoldTimes, warnings: string[]): PoolRow {
  const p = cat.pools.get(name)!;
  const seconds = p.hold === 'request' ? hold.request : hold.query;
  const I = t.settings.instances;
  const inUse = seconds === null ? null : (X * t.share * seconds) / I;
  const limit = p.size + p.max_overflow;
  // a worker holds at most one connection: with no more workers than connections, nobody waits
  const capped = t.settings.slots > 0 && t.settings.slots <= limit;
  const wait = capped ? 0 : inUse === null ? null : pWait(limit, inUse);
  const upstream = cat.databases.get(p.database)?.config.max_connections ?? cat.bouncers.get(p.database)?.max_client_conn;
  if (upstream !== undefined && I * p.size > upstream) {
    warnings.push(`${name}: ${I} instances × size ${p.size} = ${I * p.size} persistent connections exceed ${p.database}'s limit of ${upstream}`);
  } else if (upstream !== undefined && I * limit > upstream) {
    warnings.push(`${name}: at peak ${I} × (size + max_overflow) = ${I * limit} connections could exceed ${p.database}'s limit of ${upstream} (refused with db_max_connections)`);
  }
  if (inUse !== null && inUse > p.size && wait !== null) {
    warnings.push(`${name}: ~${inUse.toFixed(1)} connections busy per instance, more than size ${p.size}: overflow connections open and close (connect_time each)`);
  }
  return {
    name, kind: 'connection_pool', tier: t.name, instances: I, holds: p.hold, holdMs: ms(seconds), inUse,
    size: p.size, overflow: p.max_overflow, pWait: wait, verdict: capped ? 'ok' : inUse === null ? 'saturated' : verdictOf(inUse, limit, wait),
  };
}

const ms = (s: number | null): number | null => (s === null ? null : s * 1000);
