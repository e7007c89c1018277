/**
 * Where database reads run. Writes always run on the primary; reads follow their route and
 * the database's `reads` setting. Read-your-writes is approximated: a read goes to the
 * primary when its user wrote within the window, users writing as independent Poisson
 * streams whose rates follow the key popularity — P = Σ_i p_i (1 − e^{−W·p_i·w}) for W
 * writes per second and a window w (requests draw their user independently, as sources do).
 */
import { keySpec, queryTargets, type Catalogue } from './catalogue.js';
import type { PrimaryShare } from './demands.js';
import type { Item } from './items.js';
import { popularityOf } from './popularity.js';

/** Share of reads that find their user among the recent writers. */
export function recentWriterShare(pop: ReturnType<typeof popularityOf>, writeRate: number, window: number): number {
  if (writeRate <= 0 || window <= 0) return 0;
  return pop.reduce((s, g) => s - g.count * g.p * Math.expm1(-writeRate * g.p * window), 0);
}

/** The key space whose value says who "the same user" is, for a query (−1: none). */
function writerSpace(cat: Catalogue, database: string, query: string): number {
  const db = cat.databases.get(database)!;
  return db.userSpace >= 0 ? db.userSpace : db.plans.get(query)!.keySpace;
}

export interface Routing {
  readonly primaryShare: PrimaryShare;
  /** Read-your-writes share of auto reads, by `database/space`. */
  readonly ryw: ReadonlyMap<string, number>;
}

/** Routing given each endpoint's rate and flattened items. */
export function routing(cat: Catalogue, rates: readonly number[], items: readonly (readonly Item[])[]): Routing {
  const writes = new Map<string, number>();
  items.forEach((list, e) => {
    for (const it of list) {
      if (it.kind !== 'db') continue;
      for (const [database, runs] of queryTargets(cat, it.database, it.query)) {
        if (!cat.databases.get(database)!.plans.get(it.query)!.write) continue;
        const key = `${database}/${writerSpace(cat, database, it.query)}`;
        // a step's repeats land within microseconds: one write as far as the window is concerned
        writes.set(key, (writes.get(key) ?? 0) + rates[e]! * it.p * Math.min(1, runs));
      }
    }
  });
  const ryw = new Map<string, number>();
  for (const db of cat.databases.values()) {
    if (db.replicas === null || db.ryw <= 0) continue;
    for (const [key, rate] of writes) {
      if (!key.startsWith(`${db.name}/`)) continue;
      const space = Number(key.slice(db.name.length + 1));
      if (space < 0) continue;
      const spec = keySpec(cat.model, cat.model.keySpaces[space]!.name);
      ryw.set(key, recentWriterShare(popularityOf(spec), rate, db.ryw));
    }
  }
  const primaryShare: PrimaryShare = (database, query, route) => {
    const db = cat.databases.get(database)!;
    if (db.plans.get(query)!.write || db.replicas === null || route === 'primary') return 1;
    if (route === 'replica') return 0;
    if (!db.readsToReplicas) return 1;
    return ryw.get(`${database}/${writerSpace(cat, database, query)}`) ?? 0;
  };
  return { primaryShare, ryw };
}
